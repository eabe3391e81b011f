//! Check: the numbers in a locator or an entry's page field, as ranges.

/// The numeric ranges of a printed value: `"12-15 об."` -> `[(12, 15)]`,
/// `"105,110"` -> `[(105, 105), (110, 110)]`, `"3arxa"` -> `[(3, 3)]`,
/// `"145-7"` -> `[(145, 147)]` (an abbreviated end takes the start's
/// leading digits). Returns each range as printed, in order; a reversed
/// range keeps its order.
pub(crate) fn ranges(value: &str) -> Vec<(u64, u64)> {
    let mut out = Vec::new();
    for part in value.split([',', ';', '،']) {
        let mut numbers = Vec::new();
        let mut current = String::new();
        let mut dash = false;
        for c in part.chars() {
            if let Some(d) = crate::script::digit_value(c) {
                current.push(char::from_digit(d, 10).unwrap_or('0'));
            } else {
                if !current.is_empty() {
                    numbers.push(std::mem::take(&mut current));
                }
                if crate::script::is_dash(c) && numbers.len() == 1 {
                    dash = true;
                }
            }
        }
        if !current.is_empty() {
            numbers.push(current);
        }
        match (numbers.first(), numbers.get(1)) {
            (Some(a), Some(b)) if dash => {
                let (Ok(start), Ok(end)) = (a.parse::<u64>(), b.parse::<u64>()) else {
                    continue;
                };
                // "145-7" means 145 to 147.
                let end = if b.len() < a.len() && end < start {
                    let prefix = &a[..a.len() - b.len()];
                    format!("{prefix}{b}").parse().unwrap_or(end)
                } else {
                    end
                };
                out.push((start, end));
            }
            (Some(a), _) => {
                if let Ok(n) = a.parse::<u64>() {
                    out.push((n, n));
                }
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_of_printed_values() {
        assert_eq!(ranges("12-15 об."), vec![(12, 15)]);
        assert_eq!(ranges("105,110"), vec![(105, 105), (110, 110)]);
        assert_eq!(ranges("76-78, 162-164"), vec![(76, 78), (162, 164)]);
        assert_eq!(ranges("3arxa"), vec![(3, 3)]);
        assert_eq!(ranges("145-7"), vec![(145, 147)]);
        assert_eq!(ranges("45-41"), vec![(45, 41)]);
        assert_eq!(ranges("۴۸۵ـ۴۹۲"), vec![(485, 492)]);
        assert!(ranges("об.").is_empty());
    }
}
