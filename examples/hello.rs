//! The exec floor for the cold-process benchmark: a Rust binary that only
//! prints a line. `cargo build --release --example hello`
fn main() {
    println!("hello");
}
