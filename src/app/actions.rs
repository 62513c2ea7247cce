//! The catalogue of user actions: each owns its label, tooltip and keyboard shortcut, and the
//! menus and shortcut handling are built from it.

use eframe::egui::{Key, KeyboardShortcut, Modifiers};

/// Something the user can do from a menu or with a shortcut.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Action {
    /// Start an empty project.
    NewProject,
    /// Open a project file.
    OpenProject,
    /// Save the project.
    Save,
    /// Save the project under a new name.
    SaveAs,
    /// Import text, Markdown or web-page files as articles.
    ImportArticles,
    /// Import every article file in a folder and its subfolders.
    ImportFolder,
    /// Fetch a web page, PDF or feed from its address and import it.
    ImportAddress,
    /// Merge other copies of this project (a class's copies, a second coder) into it.
    MergeProjects,
    /// Paste an article's text.
    PasteArticle,
    /// Add the clipboard's text as a new article at once.
    PasteAsNewArticle,
    /// Close the window.
    Quit,
    /// Undo the last edit.
    Undo,
    /// Redo the last undone edit.
    Redo,
    /// Delete the selected annotation.
    DeleteAnnotation,
    /// Find in the articles.
    Find,
    /// Edit the tag set.
    EditTags,
    /// Edit the focused article's title, outlet, authors, date and URL.
    EditArticleDetails,
    /// Switch between light and dark.
    ToggleTheme,
    /// Larger article text.
    TextLarger,
    /// Smaller article text.
    TextSmaller,
    /// Default article text size.
    TextReset,
    /// Hide or dim page furniture.
    ToggleFurniture,
    /// Scroll all columns together.
    ToggleLinkedScrolling,
    /// The list of keyboard shortcuts.
    KeyboardShortcuts,
    /// Annotator name, theme, sizes, autosave.
    Preferences,
    /// Make the whole interface larger.
    ZoomIn,
    /// Make the whole interface smaller.
    ZoomOut,
    /// Show or hide the article list.
    ToggleArticleList,
    /// Show or hide the inspector.
    ToggleInspector,
    /// The reading columns.
    ShowRead,
    /// The compare view.
    ShowCompare,
    /// The similarity overview.
    ShowOverview,
    /// The class view.
    ShowClass,
    /// Open the focused column's article in one more column.
    AddColumn,
    /// Compare two articles sentence by sentence.
    CompareArticles,
    /// Show the similarity matrix of all articles.
    ProjectOverview,
    /// Export tagged passages.
    Export,
    /// Score students against a key.
    CompareWithKey,
}

impl Action {
    /// Every action, in menu order.
    pub const ALL: [Action; 38] = [
        Action::NewProject,
        Action::OpenProject,
        Action::Save,
        Action::SaveAs,
        Action::ImportArticles,
        Action::ImportFolder,
        Action::ImportAddress,
        Action::MergeProjects,
        Action::PasteArticle,
        Action::PasteAsNewArticle,
        Action::Quit,
        Action::Undo,
        Action::Redo,
        Action::DeleteAnnotation,
        Action::Find,
        Action::EditTags,
        Action::EditArticleDetails,
        Action::Preferences,
        Action::ToggleTheme,
        Action::TextLarger,
        Action::TextSmaller,
        Action::TextReset,
        Action::ZoomIn,
        Action::ZoomOut,
        Action::ToggleFurniture,
        Action::ToggleLinkedScrolling,
        Action::ToggleArticleList,
        Action::ToggleInspector,
        Action::ShowRead,
        Action::ShowCompare,
        Action::ShowOverview,
        Action::ShowClass,
        Action::AddColumn,
        Action::CompareArticles,
        Action::ProjectOverview,
        Action::Export,
        Action::CompareWithKey,
        Action::KeyboardShortcuts,
    ];

    /// Menu label; labels that open a dialog end in "…".
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Action::NewProject => "New project",
            Action::OpenProject => "Open project…",
            Action::Save => "Save",
            Action::SaveAs => "Save as…",
            Action::ImportArticles => "Import articles…",
            Action::ImportFolder => "Import folder…",
            Action::ImportAddress => "Import from address…",
            Action::PasteArticle => "Paste article…",
            Action::PasteAsNewArticle => "Paste as new article",
            Action::MergeProjects => "Merge projects…",
            Action::Quit => "Quit",
            Action::Undo => "Undo",
            Action::Redo => "Redo",
            Action::DeleteAnnotation => "Delete annotation",
            Action::Find => "Find…",
            Action::EditTags => "Edit tags…",
            Action::EditArticleDetails => "Article details…",
            Action::ToggleTheme => "Dark theme",
            Action::TextLarger => "Larger text",
            Action::TextSmaller => "Smaller text",
            Action::TextReset => "Default text size",
            Action::ToggleFurniture => "Hide page furniture",
            Action::ToggleLinkedScrolling => "Linked scrolling",
            Action::ToggleArticleList => "Article list",
            Action::KeyboardShortcuts => "Keyboard shortcuts…",
            Action::Preferences => "Preferences…",
            Action::ZoomIn => "Larger interface",
            Action::ZoomOut => "Smaller interface",
            Action::ToggleInspector => "Inspector",
            Action::ShowRead => "Read",
            Action::ShowCompare => "Compare",
            Action::ShowOverview => "Overview",
            Action::ShowClass => "Class",
            Action::AddColumn => "Add column",
            Action::CompareArticles => "Compare articles…",
            Action::ProjectOverview => "Project overview",
            Action::Export => "Export…",
            Action::CompareWithKey => "Compare with key…",
        }
    }

    /// Longer explanation shown on hover.
    #[must_use]
    pub fn tooltip(self) -> &'static str {
        match self {
            Action::NewProject => "Start an empty project with the default tags",
            Action::OpenProject => "Open a Lateral project file (.ron)",
            Action::Save => "Save the project to its file",
            Action::SaveAs => "Save the project to a new file",
            Action::ImportArticles => {
                "Add text, Markdown, saved web-page, PDF or feed files as articles; you can also drop files on the window"
            }
            Action::ImportFolder => {
                "Add every text, Markdown, web-page, PDF and feed file in a folder and its subfolders"
            }
            Action::ImportAddress => {
                "Fetch an article's page, its PDF or a feed from its https:// address and add it"
            }
            Action::PasteArticle => "Add an article by pasting its text",
            Action::MergeProjects => {
                "Add the annotations of other copies of this project (matched by article text)"
            }
            Action::PasteAsNewArticle => {
                "Add the text on the clipboard as a new article; its first line is the title"
            }
            Action::Quit => "Close Lateral; asks first if there are unsaved changes",
            Action::Undo => "Undo the last change",
            Action::Redo => "Redo the last undone change",
            Action::DeleteAnnotation => "Delete the selected annotation",
            Action::Find => "Find text in the open articles and across the project",
            Action::EditTags => "Rename, recolour, add, remove and reorder tags and set their keys",
            Action::EditArticleDetails => {
                "Edit the title, outlet, authors, date and URL of the focused article"
            }
            Action::ToggleTheme => "Switch between the light and the dark theme",
            Action::TextLarger => "Make article text larger",
            Action::TextSmaller => "Make article text smaller",
            Action::TextReset => "Reset article text to the default size",
            Action::ToggleFurniture => {
                "Hide page furniture (repeated captions, site widgets, leftover HTML) instead of dimming it"
            }
            Action::ToggleLinkedScrolling => "Scroll all article columns together",
            Action::ToggleArticleList => "Show or hide the list of articles on the left",
            Action::KeyboardShortcuts => "Every key Lateral knows, and what it does",
            Action::Preferences => {
                "Your name on annotations, theme, text and interface size, autosave"
            }
            Action::ZoomIn => "Make menus, panels and labels larger (the article text too)",
            Action::ZoomOut => "Make menus, panels and labels smaller",
            Action::ToggleInspector => "Show or hide the annotation inspector on the right",
            Action::ShowRead => "The articles in columns",
            Action::ShowCompare => "Two articles side by side, sentence by sentence",
            Action::ShowOverview => "The similarity matrix: which articles retell which",
            Action::ShowClass => "Students scored against a key",
            Action::AddColumn => "Show one more article column (up to four)",
            Action::CompareArticles => {
                "Compare the focused article with its nearest relative, sentence by sentence"
            }
            Action::ProjectOverview => "How much wording every pair of articles shares",
            Action::Export => "Export the tagged passages as CSV, JSON, a report, W3C or REFI-QDA",
            Action::CompareWithKey => {
                "Score students' files (or the project's annotators) against a trainer's key"
            }
        }
    }

    /// Keyboard shortcut, if any.
    #[must_use]
    pub fn shortcut(self) -> Option<KeyboardShortcut> {
        let command = Modifiers::COMMAND;
        let command_shift = Modifiers::COMMAND.plus(Modifiers::SHIFT);
        let shortcut = |modifiers, key| Some(KeyboardShortcut::new(modifiers, key));
        match self {
            Action::NewProject => shortcut(command, Key::N),
            Action::OpenProject => shortcut(command, Key::O),
            Action::Save => shortcut(command, Key::S),
            Action::SaveAs => shortcut(command_shift, Key::S),
            Action::ImportArticles => shortcut(command, Key::I),
            Action::ImportFolder => shortcut(command_shift, Key::I),
            Action::ImportAddress => shortcut(command, Key::L),
            Action::PasteAsNewArticle => shortcut(command_shift, Key::V),
            Action::Export => shortcut(command, Key::E),
            Action::ShowRead => shortcut(command, Key::Num1),
            Action::ShowCompare => shortcut(command, Key::Num2),
            Action::ShowOverview => shortcut(command, Key::Num3),
            Action::ShowClass => shortcut(command, Key::Num4),
            Action::ToggleArticleList => shortcut(Modifiers::NONE, Key::F9),
            Action::KeyboardShortcuts => shortcut(Modifiers::NONE, Key::F1),
            Action::Preferences => shortcut(command, Key::Comma),
            Action::ToggleInspector => shortcut(Modifiers::NONE, Key::F10),
            Action::Quit => shortcut(command, Key::Q),
            Action::Undo => shortcut(command, Key::Z),
            Action::Redo => shortcut(command_shift, Key::Z),
            Action::DeleteAnnotation => shortcut(Modifiers::NONE, Key::Delete),
            Action::Find => shortcut(command, Key::F),
            Action::TextLarger => shortcut(command, Key::Plus),
            Action::TextSmaller => shortcut(command, Key::Minus),
            Action::TextReset => shortcut(command, Key::Num0),
            Action::PasteArticle
            | Action::MergeProjects
            | Action::ZoomIn
            | Action::ZoomOut
            | Action::EditTags
            | Action::EditArticleDetails
            | Action::ToggleTheme
            | Action::ToggleFurniture
            | Action::ToggleLinkedScrolling
            | Action::AddColumn
            | Action::CompareArticles
            | Action::ProjectOverview
            | Action::CompareWithKey => None,
        }
    }

    /// More shortcuts for the same action (Ctrl+Y for redo, Ctrl+= for larger text).
    #[must_use]
    pub fn extra_shortcuts(self) -> &'static [KeyboardShortcut] {
        const REDO_Y: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Y);
        const LARGER_EQUALS: KeyboardShortcut =
            KeyboardShortcut::new(Modifiers::COMMAND, Key::Equals);
        match self {
            Action::Redo => &[REDO_Y],
            Action::TextLarger => &[LARGER_EQUALS],
            _ => &[],
        }
    }
}
