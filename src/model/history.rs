//! Undo and redo: stacks of inverse edits beside a project. Never saved.

use super::{Edit, EditError, Project};

/// One undoable step: the edit that reverts it and what it is called.
#[derive(Clone, Debug)]
struct Step {
    label: String,
    edit: Edit,
}

/// Undo and redo history of one project, and whether it matches what was last saved.
#[derive(Clone, Debug, Default)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
    /// Undo depth at the last save; `None` when that state can no longer be reached.
    saved_depth: Option<usize>,
}

impl History {
    /// A history whose starting point is the saved state.
    #[must_use]
    pub fn new() -> Self {
        Self {
            saved_depth: Some(0),
            ..Self::default()
        }
    }

    /// Applies `edit` to `project` and records how to undo it.
    ///
    /// ```
    /// use lateral::model::{Edit, History, Project};
    /// let mut project = Project::new("A");
    /// let mut history = History::new();
    /// history.apply(&mut project, Edit::SetTitle { title: "B".into() }).unwrap();
    /// assert!(history.is_dirty());
    /// assert_eq!(history.undo_label(), Some("rename project"));
    /// history.undo(&mut project).unwrap();
    /// assert_eq!(project.title(), "A");
    /// assert!(!history.is_dirty());
    /// history.redo(&mut project).unwrap();
    /// assert_eq!(project.title(), "B");
    /// ```
    pub fn apply(&mut self, project: &mut Project, edit: Edit) -> Result<(), EditError> {
        let label = edit.label();
        let inverse = project.apply(edit)?;
        if self.saved_depth.is_some_and(|depth| depth > self.undo.len()) {
            self.saved_depth = None;
        }
        self.undo.push(Step {
            label,
            edit: inverse,
        });
        self.redo.clear();
        Ok(())
    }

    /// Undoes the last step; returns its label, or `None` if there is nothing to undo.
    pub fn undo(&mut self, project: &mut Project) -> Result<Option<String>, EditError> {
        Self::step(project, &mut self.undo, &mut self.redo)
    }

    /// Redoes the last undone step; returns its label, or `None` if there is nothing to redo.
    pub fn redo(&mut self, project: &mut Project) -> Result<Option<String>, EditError> {
        Self::step(project, &mut self.redo, &mut self.undo)
    }

    fn step(project: &mut Project, from: &mut Vec<Step>, to: &mut Vec<Step>) -> Result<Option<String>, EditError> {
        let Some(step) = from.pop() else {
            return Ok(None);
        };
        match project.apply(step.edit.clone()) {
            Ok(inverse) => {
                to.push(Step {
                    label: step.label.clone(),
                    edit: inverse,
                });
                Ok(Some(step.label))
            }
            Err(error) => {
                from.push(step);
                Err(error)
            }
        }
    }

    /// Label of the step that undo would revert.
    #[must_use]
    pub fn undo_label(&self) -> Option<&str> {
        self.undo.last().map(|s| s.label.as_str())
    }

    /// Label of the step that redo would repeat.
    #[must_use]
    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|s| s.label.as_str())
    }

    /// Records that the project as it is now has been saved.
    pub fn mark_saved(&mut self) {
        self.saved_depth = Some(self.undo.len());
    }

    /// Whether the project differs from what was last saved.
    #[must_use]
    pub fn is_dirty(&self) -> bool {
        self.saved_depth != Some(self.undo.len())
    }
}
