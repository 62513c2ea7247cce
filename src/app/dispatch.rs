//! What each action of the catalogue does, and when it is available.

use super::actions::Action;
use super::command::Command;
use super::{App, view, views};

impl App {
    /// Queues the command an action stands for.
    pub fn run_action(&mut self, action: Action) {
        self.commit_drafts();
        let command = match action {
            Action::NewProject => Some(Command::NewProject),
            Action::OpenProject => {
                self.file_dialogs.open_project();
                None
            }
            Action::Save => Some(Command::Save),
            Action::SaveAs => {
                self.file_dialogs.save_as(self.doc.project.title());
                None
            }
            Action::ImportArticles => {
                self.file_dialogs.import();
                None
            }
            Action::ImportFolder => {
                self.file_dialogs.import_folder();
                None
            }
            Action::ImportAddress => {
                // An address on the clipboard (copied from the browser) is offered at once.
                let copied = self
                    .clipboard_text()
                    .ok()
                    .map(|text| text.trim().to_owned())
                    .filter(|text| {
                        crate::io::import::is_address(text) && !text.contains(char::is_whitespace)
                    });
                self.drafts.address = Some(copied.unwrap_or_default());
                None
            }
            Action::PasteAsNewArticle => match self.clipboard_text() {
                Ok(text) => Some(Command::PasteArticle {
                    text,
                    title: String::new(),
                }),
                Err(reason) => {
                    self.notify_error(format!(
                        "Nothing was pasted: {reason}. Copy the article's text first (Ctrl+C in the browser)."
                    ));
                    None
                }
            },
            Action::MergeProjects => {
                self.file_dialogs.merge_projects();
                None
            }
            Action::PasteArticle => {
                self.drafts.paste = Some((String::new(), String::new()));
                None
            }
            Action::Quit => Some(Command::Quit),
            Action::Undo => Some(Command::Undo),
            Action::Redo => Some(Command::Redo),
            Action::DeleteAnnotation => Some(Command::DeleteSelectedAnnotation),
            Action::Find => {
                self.view.find.open = true;
                self.view.find.focus_requested = true;
                None
            }
            Action::EditTags => {
                self.drafts.tag_editor = true;
                None
            }
            Action::EditArticleDetails => {
                if let Some(article) = self
                    .view
                    .columns
                    .get(self.view.focused_column)
                    .and_then(|c| self.doc.project.article(c.article_id))
                {
                    let authors = article.meta.authors.join(", ");
                    self.drafts.article_meta = Some((article.id, article.meta.clone(), authors));
                }
                None
            }
            Action::ToggleTheme => {
                self.prefs.dark = !self.prefs.dark;
                self.save_prefs();
                None
            }
            Action::TextLarger | Action::TextSmaller | Action::TextReset => {
                self.prefs.text_size = match action {
                    Action::TextLarger => self.prefs.text_size + 1.0,
                    Action::TextSmaller => self.prefs.text_size - 1.0,
                    _ => crate::ui::theme::DEFAULT_TEXT_SIZE,
                }
                .clamp(
                    *crate::ui::theme::TEXT_SIZE_RANGE.start(),
                    *crate::ui::theme::TEXT_SIZE_RANGE.end(),
                );
                self.save_prefs();
                None
            }
            Action::ToggleFurniture => {
                self.prefs.hide_furniture = !self.prefs.hide_furniture;
                self.save_prefs();
                None
            }
            Action::ZoomIn | Action::ZoomOut => {
                let step = if action == Action::ZoomIn { 0.1 } else { -0.1 };
                self.prefs.ui_zoom = ((self.prefs.ui_zoom + step) * 10.0).round() / 10.0;
                self.prefs.ui_zoom = self.prefs.ui_zoom.clamp(0.7, 2.0);
                self.save_prefs();
                None
            }
            Action::Preferences => {
                self.drafts.preferences = true;
                None
            }
            Action::KeyboardShortcuts => {
                self.drafts.shortcuts = true;
                None
            }
            Action::ToggleArticleList => {
                self.prefs.show_article_list = !self.prefs.show_article_list;
                self.save_prefs();
                None
            }
            Action::ToggleInspector => {
                self.prefs.show_inspector = !self.prefs.show_inspector;
                self.save_prefs();
                None
            }
            Action::ShowRead => {
                self.views.central = super::views::CentralView::Columns;
                None
            }
            Action::ShowCompare => {
                self.show_view(super::views::CentralView::Compare);
                None
            }
            Action::ShowOverview => {
                self.show_view(super::views::CentralView::Overview);
                None
            }
            Action::ShowClass => {
                self.show_view(super::views::CentralView::Class);
                None
            }
            Action::ToggleLinkedScrolling => {
                self.prefs.linked_scrolling = !self.prefs.linked_scrolling;
                self.view.linked_scrolling = self.prefs.linked_scrolling;
                self.save_prefs();
                None
            }
            Action::AddColumn => {
                let article = self
                    .view
                    .columns
                    .get(self.view.focused_column)
                    .map(|c| c.article_id)
                    .or_else(|| self.doc.project.articles().first().map(|a| a.id));
                article.map(|article_id| Command::OpenArticle {
                    article_id,
                    column: Some(view::MAX_COLUMNS),
                })
            }
            Action::CompareArticles => {
                self.open_compare();
                None
            }
            Action::ProjectOverview => {
                self.views.central = views::CentralView::Overview;
                None
            }
            Action::Export => {
                // German Excel reads CSV with a byte-order mark and ";": the default where
                // the project's articles are mostly German.
                if !self.views.export.open {
                    let german = self
                        .doc
                        .project
                        .articles()
                        .iter()
                        .filter(|a| a.meta.language == "de")
                        .count();
                    if german * 2 > self.doc.project.articles().len() {
                        self.views.export.options.csv_bom = true;
                        self.views.export.options.csv_separator =
                            crate::export::CsvSeparator::Semicolon;
                    }
                }
                self.views.export.open = true;
                None
            }
            Action::CompareWithKey => {
                self.views.central = views::CentralView::Class;
                None
            }
        };
        self.commands.extend(command);
    }

    /// Whether an action can run now (for greying out menu entries).
    #[must_use]
    pub fn action_enabled(&self, action: Action) -> bool {
        match action {
            Action::Undo => self.doc.history.undo_label().is_some(),
            Action::Redo => self.doc.history.redo_label().is_some(),
            Action::DeleteAnnotation => self.view.selected_annotation.is_some(),
            Action::EditArticleDetails => !self.view.columns.is_empty(),
            Action::CompareArticles | Action::ProjectOverview => {
                !self.doc.project.articles().is_empty()
            }
            Action::AddColumn => {
                self.view.columns.len() < view::MAX_COLUMNS
                    && !self.doc.project.articles().is_empty()
            }
            _ => true,
        }
    }
}
