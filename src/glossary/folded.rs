//! The names' automaton copied into a smaller table, for the scan that reads every byte of
//! every page.
//!
//! aho-corasick's DFA numbers its states in 32 bits, and its byte classes are over bytes as
//! given, so a text must be lowercased as it is read. This copy numbers states in 16 bits, folds
//! ASCII case into its byte classes, and numbers the special states first (dead, then those
//! that have just seen a name), so that "is this state special" is one comparison. Its table is
//! half the size of the original, more of it stays in the processor's cache, and a byte costs
//! one lookup of its class and one of the next state.
//!
//! It is made from the original through aho-corasick's [`Automaton`] trait, state by state, so
//! the two read any text alike.

use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::dfa::DFA;
use aho_corasick::{Anchored, PatternID};

// The build's fast hasher: states are looked up hundreds of thousands of times while the copy
// is made.
use crate::search::hash::{FastMap, FastSet};

/// A state of a [`FoldedDfa`].
pub type State = u16;

/// The dead state: a name was seen and no longer one can follow.
pub const DEAD: State = 0;

/// An unanchored DFA with case folded into its byte classes and 16-bit states.
#[derive(Debug)]
pub struct FoldedDfa {
    /// Each byte's class; an ASCII capital has its lowercase letter's.
    classes: [u8; 256],
    /// log2 of the row length: a state's row starts at `state << shift`.
    shift: u32,
    /// The next state of each state for each class.
    next: Box<[State]>,
    /// States below this are special: [`DEAD`] and the match states.
    specials: State,
    /// For each match state, its first pattern: the longest name ending there.
    matched: Box<[PatternID]>,
    start: State,
}

impl FoldedDfa {
    /// A copy of `dfa`, the unanchored automaton of the lowercase `names`, reading text in any
    /// case; None when it has more states than 16 bits can number.
    pub fn new<N: AsRef<[u8]>>(dfa: &DFA, names: &[N]) -> Option<FoldedDfa> {
        let (classes, representatives) = byte_classes(names);
        let start = dfa
            .start_state(Anchored::No)
            .expect("names are searched for unanchored");
        let step = |state: StateID, byte: u8| dfa.next_state(Anchored::No, state, byte);
        // Every state the text can reach, in the order found, with the dead state whether or
        // not it is reached (DEAD must name a state that is not the start).
        let mut order = vec![start];
        let mut known: FastSet<StateID> = FastSet::default();
        known.insert(start);
        let mut at = 0;
        while at < order.len() {
            for &byte in &representatives {
                let next = step(order[at], byte);
                if known.insert(next) {
                    order.push(next);
                }
            }
            at += 1;
        }
        if !order.iter().any(|s| dfa.is_dead(*s)) {
            order.push(StateID::ZERO);
        }
        if order.len() > usize::from(State::MAX) + 1 {
            return None;
        }
        // Dead first, then the match states, then the rest (a stable sort keeps the start's
        // place among them).
        let rank = |s: &StateID| match (dfa.is_dead(*s), dfa.is_match(*s)) {
            (true, _) => 0,
            (false, true) => 1,
            (false, false) => 2,
        };
        order.sort_by_key(rank);
        let number: FastMap<StateID, State> = order
            .iter()
            .enumerate()
            .map(|(n, &s)| (s, n as State))
            .collect();
        let specials = order.iter().take_while(|s| rank(s) < 2).count() as State;
        let matched = order[..usize::from(specials)]
            .iter()
            .map(|&s| match dfa.is_dead(s) {
                true => PatternID::ZERO,
                false => dfa.match_pattern(s, 0),
            })
            .collect();
        let shift = representatives.len().next_power_of_two().trailing_zeros();
        let mut next = vec![DEAD; order.len() << shift].into_boxed_slice();
        for (n, &state) in order.iter().enumerate() {
            for (class, &byte) in representatives.iter().enumerate() {
                next[(n << shift) | class] = number[&step(state, byte)];
            }
        }
        debug_assert!(order.iter().all(|&state| (0..=255u8).all(|byte| {
            let class = usize::from(classes[usize::from(byte)]);
            step(state, byte.to_ascii_lowercase()) == step(state, representatives[class])
        })));
        Some(FoldedDfa {
            classes,
            shift,
            next,
            specials,
            matched,
            start: number[&start],
        })
    }

    /// The state a search starts in.
    pub fn start(&self) -> State {
        self.start
    }

    /// The state after reading `byte` in `state`.
    #[inline(always)]
    pub fn next(&self, state: State, byte: u8) -> State {
        self.next[(usize::from(state) << self.shift) | usize::from(self.classes[usize::from(byte)])]
    }

    /// Dead, or a match state.
    #[inline(always)]
    pub fn is_special(&self, state: State) -> bool {
        state < self.specials
    }

    /// The longest name ending where the search entered `state`, a special state that is not
    /// [`DEAD`].
    pub fn matched(&self, state: State) -> PatternID {
        self.matched[usize::from(state)]
    }

    /// Bytes of memory the table takes.
    #[cfg(test)]
    pub fn memory_usage(&self) -> usize {
        self.next.len() * size_of::<State>() + self.matched.len() * size_of::<PatternID>()
    }
}

/// The byte classes of an automaton of `names`: a class for each byte the names hold, an ASCII
/// capital in its lowercase letter's, and one for every other byte. An automaton of the names
/// moves alike on any two bytes that no name holds (each state has no name to go on with, so
/// it starts again or, after a match, dies), so one class serves them all. Each byte's class,
/// and a byte of each class.
fn byte_classes<N: AsRef<[u8]>>(names: &[N]) -> ([u8; 256], Vec<u8>) {
    let mut used = [false; 256];
    for name in names {
        for &byte in name.as_ref() {
            used[usize::from(byte)] = true;
        }
    }
    // Class 0 is for bytes no name holds; it has a representative only if there is one.
    let mut representatives = Vec::new();
    representatives.extend((0..=255u8).find(|&b| !used[usize::from(b.to_ascii_lowercase())]));
    let mut classes = [0u8; 256];
    for byte in 0..=255u8 {
        if used[usize::from(byte)] {
            classes[usize::from(byte)] = representatives.len() as u8;
            representatives.push(byte);
        }
    }
    for byte in b'A'..=b'Z' {
        classes[usize::from(byte)] = classes[usize::from(byte.to_ascii_lowercase())];
    }
    (classes, representatives)
}

#[cfg(test)]
mod tests {
    use super::*;
    use aho_corasick::{MatchKind, StartKind};

    fn dfa(names: &[&str]) -> DFA {
        DFA::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Unanchored)
            .prefilter(false)
            .build(names)
            .unwrap()
    }

    /// Reads `text` in both automata from their start, byte by byte, until the original dies,
    /// and checks they agree on every step.
    fn agree(original: &DFA, folded: &FoldedDfa, text: &[u8]) {
        let mut a = original.start_state(Anchored::No).unwrap();
        let mut b = folded.start();
        for &byte in text {
            a = original.next_state(Anchored::No, a, byte.to_ascii_lowercase());
            b = folded.next(b, byte);
            assert_eq!(original.is_dead(a), b == DEAD, "{text:?}");
            assert_eq!(
                original.is_match(a),
                folded.is_special(b) && b != DEAD,
                "{text:?}"
            );
            if original.is_match(a) {
                assert_eq!(original.match_pattern(a, 0), folded.matched(b), "{text:?}");
            }
            if original.is_dead(a) {
                break;
            }
        }
    }

    #[test]
    fn reads_text_in_any_case_as_the_original_reads_it_lowercased() {
        let names = [
            "neglect",
            "emotional neglect",
            "child in need",
            "children’s services",
            "multi-agency",
        ];
        let original = dfa(&names);
        let folded = FoldedDfa::new(&original, &names).unwrap();
        for text in [
            "Emotional NEGLECT is neglect",
            "a CHILD in Need",
            "the Children’s Services front door",
            "MULTI-AGENCY work",
            "neglected emotionally",
            "é∑ and \u{0} bytes",
        ] {
            for from in 0..text.len() {
                agree(&original, &folded, &text.as_bytes()[from..]);
            }
        }
        assert!(folded.memory_usage() < original.memory_usage());
    }

    #[test]
    fn letters_in_either_case_share_a_class_and_unused_bytes_share_another() {
        let folded = FoldedDfa::new(&dfa(&["ab"]), &["ab"]).unwrap();
        assert_eq!(folded.classes[b'a' as usize], folded.classes[b'A' as usize]);
        assert_ne!(folded.classes[b'a' as usize], folded.classes[b'b' as usize]);
        assert_eq!(folded.classes[b'z' as usize], folded.classes[b'!' as usize]);
        assert_eq!(folded.classes.iter().max(), Some(&2));
    }
}
