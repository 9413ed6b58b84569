//! Rebuild when the embedded default templates, theme or starter site change: they are compiled
//! into the binary with `include_dir!`, which cargo cannot see on its own.
fn main() {
    println!("cargo:rerun-if-changed=templates");
    println!("cargo:rerun-if-changed=theme");
    println!("cargo:rerun-if-changed=src/scaffold/starter");
}
