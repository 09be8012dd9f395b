fn main() {
    std::process::exit(claimlint::cli::main());
}
