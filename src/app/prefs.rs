//! Small user preferences (recent projects, theme, text size), kept as RON in the user's
//! config folder. Not part of any project.

use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// How many recent projects are remembered.
const MAX_RECENT: usize = 10;
const FILE_NAME: &str = "preferences.ron";

/// The user's preferences.
#[allow(
    clippy::struct_excessive_bools,
    reason = "independent on/off preferences"
)]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    /// Recently opened or saved projects, newest first.
    pub recent: Vec<PathBuf>,
    /// Dark theme.
    pub dark: bool,
    /// Article text size in points.
    pub text_size: f32,
    /// Open the most recent project at start instead of the sample project.
    pub reopen_last: bool,
    /// Name written into new annotations.
    pub annotator: String,
    /// Hide page furniture instead of dimming it.
    pub hide_furniture: bool,
    /// Scroll all columns together.
    pub linked_scrolling: bool,
    /// Show the article list on the left.
    pub show_article_list: bool,
    /// Show the inspector on the right.
    pub show_inspector: bool,
    /// Size of the whole interface (menus, panels, labels), 1.0 as egui draws it.
    pub ui_zoom: f32,
    /// Seconds between autosaves of unsaved changes; `None` keeps the built-in interval.
    pub autosave_seconds: Option<f64>,
}

impl Default for Prefs {
    fn default() -> Self {
        Self {
            recent: Vec::new(),
            dark: false,
            text_size: crate::ui::theme::DEFAULT_TEXT_SIZE,
            reopen_last: false,
            annotator: String::new(),
            hide_furniture: false,
            linked_scrolling: false,
            show_article_list: true,
            show_inspector: true,
            ui_zoom: 1.0,
            autosave_seconds: None,
        }
    }
}

impl Prefs {
    /// Reads the preferences from `config_dir`; defaults if missing or unreadable.
    #[must_use]
    pub fn load(config_dir: &Path) -> Self {
        std::fs::read_to_string(config_dir.join(FILE_NAME))
            .ok()
            .and_then(|text| ron::from_str(&text).ok())
            .unwrap_or_default()
    }

    /// Writes the preferences to `config_dir`.
    pub fn save(&self, config_dir: &Path) -> std::io::Result<()> {
        std::fs::create_dir_all(config_dir)?;
        let text = ron::ser::to_string_pretty(self, ron::ser::PrettyConfig::new())
            .map_err(std::io::Error::other)?;
        crate::io::atomic::write_atomically(&config_dir.join(FILE_NAME), text.as_bytes(), false)
    }

    /// Puts `path` first in the recent list.
    pub fn add_recent(&mut self, path: &Path) {
        let path = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
        self.recent.retain(|p| *p != path);
        self.recent.insert(0, path);
        self.recent.truncate(MAX_RECENT);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_recent_order() {
        let dir = tempfile::tempdir().unwrap();
        let mut prefs = Prefs::load(dir.path());
        assert_eq!(prefs, Prefs::default());
        for name in ["a.ron", "b.ron", "a.ron"] {
            prefs.add_recent(&dir.path().join(name));
        }
        assert_eq!(prefs.recent.len(), 2);
        assert!(prefs.recent[0].ends_with("a.ron"));
        prefs.dark = true;
        prefs.save(dir.path()).unwrap();
        assert_eq!(Prefs::load(dir.path()), prefs);
    }
}
