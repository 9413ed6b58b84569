//! Heading levels under the page title: the title is the page's one level-1 heading, so a
//! chapter's Heading 2 becomes `##`, and a skipped level in Word (Heading 2 straight to
//! Heading 4) closes up, as `waymark check` wants.

use crate::import::model::Block;

/// The Markdown level of each heading among `blocks` (None for other blocks).
pub(super) fn levels(blocks: &[Block]) -> Vec<Option<usize>> {
    let mut open: Vec<u8> = Vec::new();
    blocks
        .iter()
        .map(|b| {
            let level = b.heading_level()?;
            while open.last().is_some_and(|l| *l >= level) {
                open.pop();
            }
            open.push(level);
            Some((open.len() + 1).min(6))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::testing::{heading, para};

    #[test]
    fn levels_close_up_under_the_title() {
        let blocks = [
            heading(0, 2, "a"),
            para(1, "x"),
            heading(2, 4, "b"),
            heading(3, 3, "c"),
            heading(4, 2, "d"),
            heading(5, 3, "e"),
        ];
        assert_eq!(
            levels(&blocks),
            [Some(2), None, Some(3), Some(3), Some(2), Some(3)]
        );
    }
}
