"""Getting text in: files, stdin and URLs, as bytes, decoded to str."""
