//! Errors: the run could not happen (unreadable file, bad encoding, corrupt .docx, bad config).
//!
//! A manuscript with problems is not an error: those are
//! [`Diagnostic`](crate::Diagnostic)s returned as data.

use miette::Diagnostic as MietteDiagnostic;

/// Why istinad could not run.
#[derive(Debug, thiserror::Error, MietteDiagnostic)]
pub enum Error {
    /// The file could not be read.
    #[error("cannot read `{path}`")]
    #[diagnostic(code(istinad::io))]
    Io {
        /// The path given.
        path: String,
        /// The operating system's error.
        #[source]
        source: std::io::Error,
    },
    /// The file is not UTF-8.
    #[error("`{path}` is not valid UTF-8: invalid byte sequence at byte offset {offset}")]
    #[diagnostic(
        code(istinad::encoding),
        help(
            "save the file as UTF-8; istinad does not guess legacy encodings such as Windows-1251 or Windows-1256"
        )
    )]
    Encoding {
        /// The path given.
        path: String,
        /// Byte offset of the first invalid sequence.
        offset: usize,
    },
    /// The file is UTF-16 (Word's and Notepad's "Unicode" text).
    #[error("`{path}` is UTF-16 text ({order}), not UTF-8")]
    #[diagnostic(
        code(istinad::utf16),
        help(
            "save the file as UTF-8 (Word: Save As, Plain Text, Unicode (UTF-8); Notepad: Encoding UTF-8), or convert it: `iconv -f UTF-16 -t UTF-8 FILE`"
        )
    )]
    Utf16 {
        /// The path given.
        path: String,
        /// The byte order and whether a byte-order mark says so: "little
        /// endian, with a byte-order mark".
        order: String,
    },
    /// The file looks binary (NUL bytes) and is not a format istinad reads.
    #[error(
        "`{path}` looks like a binary file (NUL byte at offset {offset}), not text, Markdown or .docx"
    )]
    #[diagnostic(code(istinad::binary))]
    Binary {
        /// The path given.
        path: String,
        /// Byte offset of the first NUL.
        offset: usize,
    },
    /// A .docx file could not be read.
    #[error("cannot read `{path}` as .docx: {message}")]
    #[diagnostic(code(istinad::docx))]
    Docx {
        /// The path given.
        path: String,
        /// What went wrong, naming the part of the package.
        message: String,
    },
    /// A configuration file is invalid.
    #[error("invalid configuration in `{path}`: {message}")]
    #[diagnostic(code(istinad::config))]
    Config {
        /// The config file.
        path: String,
        /// The TOML parser's or validator's message.
        message: String,
    },
    /// An output could not be produced.
    #[error("cannot write {what}: {message}")]
    #[diagnostic(code(istinad::output))]
    Output {
        /// What was being written.
        what: String,
        /// Why it failed.
        message: String,
    },
}
