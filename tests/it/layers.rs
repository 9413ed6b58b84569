//! The library's top-level modules import one way only: commands use stages, stages use the
//! model, the model uses the foundation. This test reads every `crate::` path in `src/`, prints
//! the graph of top-level modules, and fails on an import from a lower layer to a higher one or
//! on any cycle between top-level modules. ARCHITECTURE.md describes the layers.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The layers, top first, and the top-level modules in each. A new module needs a place here.
const LAYERS: &[(&str, &[&str])] = &[
    (
        "commands",
        &["build", "check", "import", "review", "scaffold", "serve"],
    ),
    ("stages", &["offline", "packs", "render", "search"]),
    ("model", &["content", "downloads", "glossary", "markdown"]),
    (
        "foundation",
        &[
            "config",
            "diagnostics",
            "link_safety",
            "markdown_parse",
            "output",
            "util",
        ],
    ),
];

fn layer_of(module: &str) -> Option<usize> {
    LAYERS
        .iter()
        .position(|(_, modules)| modules.contains(&module))
}

/// Every `.rs` file under `dir`.
fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top-level module a file of `src/` belongs to: `src/glossary/matcher.rs` is `glossary`.
fn module_of(src: &Path, file: &Path) -> String {
    let relative = file.strip_prefix(src).unwrap();
    let first = relative.components().next().unwrap().as_os_str();
    first.to_string_lossy().trim_end_matches(".rs").to_string()
}

/// `code` without comments (`//` to the end of the line), so a doc link is not an import.
fn without_comments(code: &str) -> String {
    code.lines()
        .map(|line| match line.find("//") {
            // A `//` inside a string (a URL) is not a comment start; such lines hold no
            // `crate::` paths worth reading anyway.
            Some(at) if !line[..at].contains('"') => &line[..at],
            _ => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The top-level modules `code` names after `crate::`, including each of `crate::{a, b::c}`.
fn imports(code: &str) -> BTreeSet<String> {
    let ident = |s: &str| -> String {
        s.trim_start()
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect()
    };
    let mut found = BTreeSet::new();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        let before = rest[..at].chars().next_back();
        rest = &rest[at + "crate::".len()..];
        // `waymark_crate::` or `$crate::` are not this crate's paths.
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$') {
            continue;
        }
        if let Some(group) = rest.strip_prefix('{') {
            let mut depth = 1;
            let mut item_start = 0;
            for (i, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' | ',' if depth == 1 => {
                        found.insert(ident(&group[item_start..i]));
                        item_start = i + 1;
                        if c == '}' {
                            break;
                        }
                    }
                    '}' => depth -= 1,
                    _ => {}
                }
            }
        } else {
            found.insert(ident(rest));
        }
    }
    found.remove("");
    found
}

/// Each top-level module of `src/` (but the binary's `main.rs` and the root `lib.rs`) and the
/// other top-level modules it imports.
fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in files {
        let module = module_of(&src, &file);
        if module == "main" || module == "lib" {
            continue;
        }
        let code = without_comments(&std::fs::read_to_string(&file).unwrap());
        let edges = graph.entry(module.clone()).or_default();
        edges.extend(imports(&code).into_iter().filter(|m| *m != module));
    }
    graph
}

/// A cycle through `start`, as the modules on it, if there is one.
fn cycle_from(graph: &BTreeMap<String, BTreeSet<String>>, start: &str) -> Option<Vec<String>> {
    fn walk(
        graph: &BTreeMap<String, BTreeSet<String>>,
        start: &str,
        path: &mut Vec<String>,
        seen: &mut BTreeSet<String>,
    ) -> bool {
        let at = path.last().unwrap().clone();
        for next in graph.get(&at).into_iter().flatten() {
            if next == start {
                path.push(next.clone());
                return true;
            }
            if seen.insert(next.clone()) {
                path.push(next.clone());
                if walk(graph, start, path, seen) {
                    return true;
                }
                path.pop();
            }
        }
        false
    }
    let mut path = vec![start.to_string()];
    walk(graph, start, &mut path, &mut BTreeSet::new()).then_some(path)
}

#[test]
fn modules_import_only_their_own_layer_or_those_below_and_never_in_a_cycle() {
    let graph = graph();
    let mut picture = String::from("top-level modules and what they import, by layer:\n");
    for (layer, modules) in LAYERS {
        picture.push_str(&format!("  {layer}\n"));
        for module in *modules {
            let edges = graph.get(*module).cloned().unwrap_or_default();
            let edges: Vec<String> = edges.into_iter().collect();
            picture.push_str(&format!("    {module:<12} -> {}\n", edges.join(", ")));
        }
    }
    println!("{picture}");

    let mut problems = Vec::new();
    for (module, edges) in &graph {
        let Some(layer) = layer_of(module) else {
            problems.push(format!(
                "src/{module} is in no layer: add it to LAYERS in this test and to ARCHITECTURE.md"
            ));
            continue;
        };
        for target in edges {
            match layer_of(target) {
                Some(target_layer) if target_layer < layer => problems.push(format!(
                    "{module} ({}) imports {target} ({}), a layer above it",
                    LAYERS[layer].0, LAYERS[target_layer].0
                )),
                Some(_) => {}
                None if graph.contains_key(target) => {}
                None => problems.push(format!("{module} imports `crate::{target}`, not a module")),
            }
        }
    }
    let mut cycles = BTreeSet::new();
    for module in graph.keys() {
        if let Some(mut cycle) = cycle_from(&graph, module) {
            // The same cycle from each of its modules: name it once, from its smallest module.
            cycle.pop();
            let first = (0..cycle.len()).min_by_key(|&i| &cycle[i]).unwrap();
            cycle.rotate_left(first);
            cycles.insert(format!("{} -> {}", cycle.join(" -> "), cycle[0]));
        }
    }
    problems.extend(cycles.into_iter().map(|c| format!("a cycle: {c}")));
    assert!(problems.is_empty(), "{picture}\n{}", problems.join("\n"));
}

#[test]
fn imports_are_read_from_paths_and_groups_but_not_comments() {
    let code = without_comments(
        "use crate::content::{Page, Site};\nuse crate::{config, markdown::links};\n\
         // see crate::serve\nlet x = crate::util::html::escape(s); // crate::check\n\
         macro_rules! m { () => { $crate::build } }",
    );
    let found: Vec<String> = imports(&code).into_iter().collect();
    assert_eq!(found, ["config", "content", "markdown", "util"]);
}
