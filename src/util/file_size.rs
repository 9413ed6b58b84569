//! File sizes for people, as GOV.UK writes them beside a download: the PDFs of packs and the
//! documents under `content/`.

/// "412 KB" or "1.4 MB".
pub(crate) fn file_size(bytes: usize) -> String {
    if bytes < 1024 * 1024 {
        format!("{} KB", bytes.div_ceil(1024).max(1))
    } else {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_sizes_read_like_gov_uk_attachments() {
        assert_eq!(file_size(300), "1 KB");
        assert_eq!(file_size(421_000), "412 KB");
        assert_eq!(file_size(1_468_006), "1.4 MB");
    }
}
