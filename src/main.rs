//! The `xbrlify` command.

mod cli;

/// The conversion allocates many small strings and vectors per release; mimalloc serves them
/// faster than the system allocator (the library itself does not choose an allocator).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    cli::main()
}
