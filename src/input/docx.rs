pub fn read_docx(_b: &[u8]) -> Result<String, std::io::Error> {
    Err(std::io::Error::other("docx not yet supported"))
}
