//! Rebuilds the crate when an embedded asset (demo data, templates, calendar) changes.
fn main() {
    println!("cargo:rerun-if-changed=assets");
}
