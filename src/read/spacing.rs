//! Double-spaced releases: text set with a blank line after every line, so that a heading
//! stands two lines above its dates, a wrapped label's halves are a blank line apart and rows
//! are separated by runs of blanks. Such a stretch is read as the single-spaced text it
//! doubles: a run of `r` empty lines stands for `r / 2` of the original.

use crate::read::lines::Line;

/// How few of a stretch's lines may be followed directly by another line with content for the
/// stretch to be double-spaced: one in ten (a multi-line markup or page footer, say).
const ADJACENT_PER_TEN: usize = 1;

/// Lines of content a stretch needs before its spacing is judged.
const MIN_CONTENT: usize = 20;

/// The lines of a double-spaced stretch as single-spaced text, or `None` when the stretch is
/// not double-spaced (most releases).
pub fn undouble<'a>(lines: &[Line<'a>]) -> Option<Vec<Line<'a>>> {
    let mut content = 0;
    let mut adjacent = 0;
    for pair in lines.windows(2) {
        if !pair[0].is_empty() {
            content += 1;
            if !pair[1].is_empty() {
                adjacent += 1;
            }
        }
    }
    if content < MIN_CONTENT || adjacent * 10 > content * ADJACENT_PER_TEN {
        return None;
    }
    let mut out = Vec::with_capacity(content + content / 2);
    let mut run: Vec<&Line<'a>> = Vec::new();
    for line in lines {
        if line.is_empty() {
            run.push(line);
            continue;
        }
        let keep = run.len() / 2;
        out.extend(run.drain(..).take(keep).cloned());
        out.push(line.clone());
    }
    let keep = run.len() / 2;
    out.extend(run.into_iter().take(keep).cloned());
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut(text: &str) -> Vec<Line<'_>> {
        let mut offset = 0;
        text.split('\n')
            .map(|l| {
                let line = Line::new(offset, l);
                offset += l.len() + 1;
                line
            })
            .collect()
    }

    #[test]
    fn single_spaced_text_is_left_alone() {
        let text = "a\nb\n\nc\nd\n".repeat(10);
        assert!(undouble(&cut(&text)).is_none());
    }

    #[test]
    fn a_double_spaced_stretch_keeps_half_of_each_blank_run() {
        let mut text = String::new();
        for i in 0..12 {
            text.push_str(&format!("line {i}\n\nrow {i}   1,234\n\n\n\n"));
        }
        let lines = cut(&text);
        let single = undouble(&lines).expect("double-spaced");
        let texts: Vec<&str> = single.iter().map(|l| l.text).collect();
        assert_eq!(
            &texts[..6],
            &["line 0", "row 0   1,234", "", "line 1", "row 1   1,234", ""]
        );
    }
}
