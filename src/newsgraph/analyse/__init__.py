"""What is found in an article: each module adds one kind of finding."""
