//! The `claimlint` binary: the command line over the library's [`claimlint::Workspace`].

mod cli;

fn main() {
    std::process::exit(cli::main());
}
