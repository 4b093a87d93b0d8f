use std::fmt;

/// A list file that could not be read or parsed, with where and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListError {
    /// The file, as given (usually relative to the lists folder).
    pub file: String,
    /// 1-based line, when the problem is on a line.
    pub line: Option<u64>,
    pub reason: String,
}

impl ListError {
    pub fn new(file: impl Into<String>, line: Option<u64>, reason: impl Into<String>) -> Self {
        ListError {
            file: file.into(),
            line,
            reason: reason.into(),
        }
    }
}

impl fmt::Display for ListError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.file, line, self.reason),
            None => write!(f, "{}: {}", self.file, self.reason),
        }
    }
}

impl std::error::Error for ListError {}
