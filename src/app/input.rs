//! Keyboard and window input of a frame: shortcuts from the action catalogue, tag keys,
//! dropped files, the window's close request, and selecting text with the keyboard.

use super::actions::Action;
use super::command::Command;
use super::{App, Modal, Pending, keyboard, view};
use eframe::egui;
use std::path::PathBuf;

impl App {
    /// Handles the window's close request, dropped files, shortcuts and plain keys.
    pub(crate) fn handle_input(&mut self, ui: &egui::Ui) {
        if ui.input(|i| i.viewport().close_requested()) && !self.allow_close {
            self.commit_drafts();
            if self.is_dirty() {
                ui.send_viewport_cmd(egui::ViewportCommand::CancelClose);
                self.modal = Some(Modal::UnsavedChanges(Pending::Quit));
            } else {
                self.recovery.clear();
            }
        }
        let dropped: Vec<PathBuf> = ui.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .collect()
        });
        if !dropped.is_empty() {
            let (projects, articles): (Vec<PathBuf>, Vec<PathBuf>) = dropped
                .into_iter()
                .partition(|p| p.extension().is_some_and(|e| e == "ron"));
            if let Some(project) = projects.into_iter().next() {
                self.commands.push(Command::OpenProject(project));
            }
            if !articles.is_empty() {
                self.commands.push(Command::ImportFiles(articles));
            }
        }
        if self.modal.is_some() {
            return;
        }
        // Plain keys (tag keys, Del) are for the app unless a text field has the focus; a
        // focused button or combo box does not take typing.
        let typing = ui
            .memory(egui::Memory::focused)
            .is_some_and(|id| egui::TextEdit::load_state(ui.ctx(), id).is_some());
        // Check shortcuts with more modifiers first (Ctrl+Shift+Z before Ctrl+Z).
        let mut actions: Vec<Action> = Action::ALL.to_vec();
        actions.sort_by_key(|a| {
            std::cmp::Reverse(a.shortcut().map_or(0, |s| u8::from(s.modifiers.shift) + 1))
        });
        for action in actions {
            let shortcuts = action
                .shortcut()
                .into_iter()
                .chain(action.extra_shortcuts().iter().copied());
            for shortcut in shortcuts {
                let plain_key = shortcut.modifiers.is_none();
                if plain_key && typing {
                    continue;
                }
                if ui.input_mut(|i| i.consume_shortcut(&shortcut)) {
                    self.run_action(action);
                }
            }
        }
        if typing {
            return;
        }
        if ui.input(|i| i.key_pressed(egui::Key::Escape)) {
            self.view.selection = None;
            self.view.selected_annotation = None;
            self.view.find.open = false;
        }
        if ui.input(|i| i.modifiers.alt && i.modifiers.shift) {
            self.move_annotation_edge(ui);
        } else {
            self.keyboard_selection(ui);
        }
        if self.view.selection.is_some_and(|s| !s.range().is_empty()) {
            let typed: Vec<String> = ui.input(|i| {
                i.events
                    .iter()
                    .filter_map(|e| match e {
                        egui::Event::Text(t) => Some(t.clone()),
                        _ => None,
                    })
                    .collect()
            });
            for text in typed {
                let key = text.chars().next();
                if let Some(tag) = self
                    .doc
                    .project
                    .tags()
                    .iter()
                    .find(|t| t.key.is_some() && t.key == key)
                {
                    self.commands.push(Command::TagSelection(tag.id));
                }
            }
        }
    }

    /// Shift+Alt+Right/Left move the selected annotation's end by a word (widen, narrow);
    /// with Ctrl they move its start. Each step is one undoable edit.
    fn move_annotation_edge(&mut self, ui: &egui::Ui) {
        use keyboard::{CaretMove, move_caret};
        let Some(annotation) = self
            .view
            .selected_annotation
            .and_then(|id| self.doc.project.annotation(id))
        else {
            return;
        };
        let Some(article) = self.doc.project.article(annotation.article_id) else {
            return;
        };
        for (key, movement) in [
            (egui::Key::ArrowRight, CaretMove::WordRight),
            (egui::Key::ArrowLeft, CaretMove::WordLeft),
        ] {
            let Some(modifiers) = ui.input(|i| i.key_pressed(key).then_some(i.modifiers)) else {
                continue;
            };
            let span = annotation.span;
            let edge = if modifiers.command {
                span.start
            } else {
                span.end
            };
            let caret = view::TextSelection {
                column: 0,
                anchor: edge,
                head: edge,
            };
            let moved = move_caret(article.text(), caret, movement, false).head;
            let text = article.text();
            let (start, end) = if modifiers.command {
                // A start moved right skips the space and punctuation after the word it left.
                let start = moved.min(span.end);
                let rest = text.get(start..span.end).unwrap_or("");
                (
                    start + rest.len()
                        - rest
                            .trim_start_matches(|c: char| !c.is_alphanumeric())
                            .len(),
                    span.end,
                )
            } else {
                // An end moved left stops after the last word that stays.
                let end = moved.max(span.start);
                let kept = text.get(span.start..end).unwrap_or("");
                (
                    span.start,
                    span.start + kept.trim_end_matches(|c: char| !c.is_alphanumeric()).len(),
                )
            };
            if start >= end || (start, end) == (span.start, span.end) {
                continue;
            }
            let mut changed = annotation.clone();
            changed.set_span(article.text(), crate::text::Span::new(start, end));
            changed.modified = jiff::Timestamp::now();
            self.commands.push(super::command::Command::Edit(
                crate::model::Edit::UpdateAnnotation {
                    annotation: changed,
                },
            ));
            return;
        }
    }

    /// Arrows move the caret in the focused column (starting at the top of its article),
    /// Shift+arrows extend the selection, Ctrl moves by word, Up and Down by paragraph.
    fn keyboard_selection(&mut self, ui: &egui::Ui) {
        use keyboard::{CaretMove, move_caret};
        let keys = [
            (egui::Key::ArrowLeft, CaretMove::Left, CaretMove::WordLeft),
            (
                egui::Key::ArrowRight,
                CaretMove::Right,
                CaretMove::WordRight,
            ),
            (
                egui::Key::ArrowUp,
                CaretMove::ParagraphUp,
                CaretMove::ParagraphUp,
            ),
            (
                egui::Key::ArrowDown,
                CaretMove::ParagraphDown,
                CaretMove::ParagraphDown,
            ),
        ];
        for (key, by_char, by_word) in keys {
            let Some(modifiers) = ui.input(|i| i.key_pressed(key).then_some(i.modifiers)) else {
                continue;
            };
            let column = self
                .view
                .selection
                .map_or(self.view.focused_column, |s| s.column);
            let Some(article) = self
                .view
                .columns
                .get(column)
                .and_then(|c| self.doc.project.article(c.article_id))
            else {
                continue;
            };
            let current = self.view.selection.unwrap_or(view::TextSelection {
                column,
                anchor: 0,
                head: 0,
            });
            let movement = if modifiers.command { by_word } else { by_char };
            self.view.selection = Some(move_caret(
                article.text(),
                current,
                movement,
                modifiers.shift,
            ));
            self.view.focused_column = column;
        }
    }
}
