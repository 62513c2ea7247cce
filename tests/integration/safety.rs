//! Never losing work through ordinary mistakes: exports over projects, misspelt fields, two
//! writers, symlinks and permissions, stray bytes, newer formats, CRLF checkouts, messages.

use lateral::io::import::import_file;
use lateral::io::lock::ProjectLock;
use lateral::io::project_file::{ProjectFileError, load_project, parse_project};
use lateral::model::{ArticleId, EncodingSource};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn samples_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("samples")
}

fn sample_project_in(dir: &Path) -> PathBuf {
    let path = dir.join("p.ron");
    fs::copy(samples_dir().join("russland-nordkorea.ron"), &path).unwrap();
    path
}

fn lateral(args: &[&std::ffi::OsStr]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_lateral"))
        .args(args)
        .output()
        .unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn export_onto_the_project_or_any_project_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let project = sample_project_in(dir.path());
    let before = fs::read(&project).unwrap();
    for format in ["csv", "json", "w3c"] {
        let output = lateral(&[
            "export".as_ref(),
            project.as_os_str(),
            "--format".as_ref(),
            format.as_ref(),
            "-o".as_ref(),
            project.as_os_str(),
        ]);
        assert!(!output.status.success());
        assert!(
            stderr(&output).contains("is the project itself"),
            "{}",
            stderr(&output)
        );
    }
    let other = dir.path().join("key.ron");
    fs::copy(samples_dir().join("class/key.ron"), &other).unwrap();
    let output = lateral(&[
        "export".as_ref(),
        project.as_os_str(),
        "--format".as_ref(),
        "csv".as_ref(),
        "-o".as_ref(),
        other.as_os_str(),
    ]);
    assert!(
        stderr(&output).contains("is a Lateral project"),
        "{}",
        stderr(&output)
    );
    assert_eq!(fs::read(&project).unwrap(), before);
    assert_eq!(
        fs::read(&other).unwrap(),
        fs::read(samples_dir().join("class/key.ron")).unwrap()
    );
}

#[test]
fn export_over_another_file_keeps_a_backup() {
    let dir = tempfile::tempdir().unwrap();
    let project = sample_project_in(dir.path());
    let out = dir.path().join("notes.csv");
    fs::write(&out, "my own notes\n").unwrap();
    let output = lateral(&[
        "export".as_ref(),
        project.as_os_str(),
        "--format".as_ref(),
        "csv".as_ref(),
        "-o".as_ref(),
        out.as_os_str(),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stdout(&output).contains("notes.csv.bak"),
        "{}",
        stdout(&output)
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("notes.csv.bak")).unwrap(),
        "my own notes\n"
    );
}

#[test]
fn agree_never_writes_over_inputs_and_two_students_of_one_name_get_two_sheets() {
    let dir = tempfile::tempdir().unwrap();
    let key = dir.path().join("key.ron");
    fs::copy(samples_dir().join("class/key.ron"), &key).unwrap();
    // Two copies of one student: both are labelled "anna".
    fs::create_dir(dir.path().join("a")).unwrap();
    fs::create_dir(dir.path().join("b")).unwrap();
    let anna_a = dir.path().join("a/anna.ron");
    let anna_b = dir.path().join("b/anna.ron");
    fs::copy(samples_dir().join("class/anna.ron"), &anna_a).unwrap();
    fs::copy(samples_dir().join("class/ben.ron"), &anna_b).unwrap();
    let output = lateral(&[
        "agree".as_ref(),
        key.as_os_str(),
        anna_a.as_os_str(),
        "--format".as_ref(),
        "md".as_ref(),
        "-o".as_ref(),
        key.as_os_str(),
    ]);
    assert!(!output.status.success());
    assert!(
        stderr(&output).contains("is the project itself"),
        "{}",
        stderr(&output)
    );
    let report = dir.path().join("class.md");
    let output = lateral(&[
        "agree".as_ref(),
        key.as_os_str(),
        anna_a.as_os_str(),
        anna_b.as_os_str(),
        "--format".as_ref(),
        "md".as_ref(),
        "-o".as_ref(),
        report.as_os_str(),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let first = dir.path().join("class-feedback-anna.md");
    let second = dir.path().join("class-feedback-anna-2.md");
    assert!(first.exists() && second.exists(), "{}", stdout(&output));
    assert_ne!(fs::read(&first).unwrap(), fs::read(&second).unwrap());
}

/// The sample with one field name misspelt.
fn misspelt(dir: &Path, from: &str, to: &str) -> PathBuf {
    let text = fs::read_to_string(samples_dir().join("russland-nordkorea.ron")).unwrap();
    assert!(text.contains(from));
    let path = dir.join("misspelt.ron");
    fs::write(&path, text.replacen(from, to, 1)).unwrap();
    path
}

#[test]
fn misspelt_fields_are_reported_with_their_line_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    for (from, to, field) in [
        ("annotations:", "annotatons:", "annotatons"),
        ("\", speaker: \"", "\", speeker: \"", "speeker"),
    ] {
        let path = misspelt(dir.path(), from, to);
        let before = fs::read(&path).unwrap();
        let error = load_project(&path).unwrap_err();
        let ProjectFileError::UnknownField {
            field: found, line, ..
        } = &error
        else {
            panic!("{error:?}")
        };
        assert_eq!(found, field);
        let text = String::from_utf8(before.clone()).unwrap();
        let expected_line = text.lines().position(|l| l.contains(to)).unwrap() + 1;
        assert_eq!(*line, expected_line, "{error}");
        assert!(error.to_string().contains("misspelt"), "{error}");
        for command in ["validate", "upgrade"] {
            let output = lateral(&[command.as_ref(), path.as_os_str()]);
            assert!(!output.status.success(), "{command}");
            assert!(
                stderr(&output).contains(&format!("line {expected_line}")),
                "{}",
                stderr(&output)
            );
        }
        assert_eq!(fs::read(&path).unwrap(), before, "the file is untouched");
        assert!(!dir.path().join("misspelt.ron.bak").exists());
    }
}

#[test]
fn a_second_writer_is_refused_and_nothing_is_lost() {
    let dir = tempfile::tempdir().unwrap();
    let project = sample_project_in(dir.path());
    let article = samples_dir().join("asmolov-riac-2024.txt");
    // Another Lateral (the app, or a command) has the project open.
    let lock = ProjectLock::acquire(&project).unwrap();
    let before = fs::read(&project).unwrap();
    let output = lateral(&[
        "import".as_ref(),
        "--project".as_ref(),
        project.as_os_str(),
        article.as_os_str(),
    ]);
    assert!(!output.status.success());
    let message = stderr(&output);
    assert!(message.contains("is open in another Lateral"), "{message}");
    assert!(
        message.contains(&format!("process {}", std::process::id())),
        "{message}"
    );
    assert_eq!(fs::read(&project).unwrap(), before);
    drop(lock);
    // Two imports at once: each either lands or is refused, never lost.
    let num_before = load_project(&project).unwrap().0.articles().len();
    for _ in 0..4 {
        let spawn = |name: &str| {
            Command::new(env!("CARGO_BIN_EXE_lateral"))
                .args(["import".as_ref(), "--project".as_ref(), project.as_os_str()])
                .arg(samples_dir().join(name))
                .output()
        };
        let (one, two) = std::thread::scope(|scope| {
            let one = scope.spawn(|| spawn("asmolov-riac-2024.txt").unwrap());
            let two = scope.spawn(|| spawn("fnf-wostotschny-2023.txt").unwrap());
            (one.join().unwrap(), two.join().unwrap())
        });
        let landed = [&one, &two].iter().filter(|o| o.status.success()).count();
        for refused in [&one, &two].iter().filter(|o| !o.status.success()) {
            assert!(
                stderr(refused).contains("is open in another Lateral"),
                "{}",
                stderr(refused)
            );
        }
        let num_now = load_project(&project).unwrap().0.articles().len();
        assert!(landed >= 1);
        assert_eq!(
            num_now,
            num_before + landed,
            "every reported import is in the file"
        );
        fs::copy(samples_dir().join("russland-nordkorea.ron"), &project).unwrap();
    }
}

#[cfg(unix)]
#[test]
fn a_symlinked_private_project_stays_a_symlink_with_its_mode() {
    use std::os::unix::fs::{PermissionsExt, symlink};
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("real")).unwrap();
    let target = sample_project_in(&dir.path().join("real"));
    fs::set_permissions(&target, fs::Permissions::from_mode(0o600)).unwrap();
    let link = dir.path().join("link.ron");
    symlink(&target, &link).unwrap();
    let output = lateral(&[
        "import".as_ref(),
        "--project".as_ref(),
        link.as_os_str(),
        samples_dir().join("asmolov-riac-2024.txt").as_os_str(),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    let mode = fs::metadata(&target).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    assert_eq!(load_project(&target).unwrap().0.articles().len(), 6);
    // A read-only project is not overwritten.
    fs::set_permissions(&target, fs::Permissions::from_mode(0o444)).unwrap();
    let before = fs::read(&target).unwrap();
    let output = lateral(&["upgrade".as_ref(), link.as_os_str()]);
    assert!(!output.status.success());
    assert!(stderr(&output).contains("read-only"), "{}", stderr(&output));
    assert_eq!(fs::read(&target).unwrap(), before);
}

#[test]
fn a_stale_temp_file_is_removed_by_the_next_save() {
    let dir = tempfile::tempdir().unwrap();
    let project = sample_project_in(dir.path());
    // Left by a save that was killed (its process, 4294967, cannot exist).
    let stale = dir.path().join("p.ron.tmp4294967");
    fs::write(&stale, "half a project").unwrap();
    let output = lateral(&["upgrade".as_ref(), project.as_os_str()]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(!stale.exists());
}

#[test]
fn utf8_with_one_stray_byte_keeps_its_umlauts() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("stray.txt");
    let mut bytes = fs::read(samples_dir().join("fnf-studie-waffenhandel-2024.txt")).unwrap();
    bytes.extend(b"\nEin kaputtes Byte: \xe4 am Ende.\n");
    fs::write(&path, &bytes).unwrap();
    let article = import_file(&path, ArticleId(1)).unwrap();
    assert_eq!(article.import.encoding, "UTF-8");
    assert_eq!(
        article.import.encoding_source,
        EncodingSource::Utf8WithErrors
    );
    assert_eq!(article.import.replacement_chars, 1);
    assert!(article.text().contains("für"));
    assert!(!article.text().contains("Ã"));
    let project = dir.path().join("p.ron");
    let output = lateral(&[
        "import".as_ref(),
        "--project".as_ref(),
        project.as_os_str(),
        path.as_os_str(),
    ]);
    assert!(stdout(&output).contains("warning:"), "{}", stdout(&output));
}

#[test]
fn a_newer_format_is_refused_wherever_its_version_stands() {
    let text = fs::read_to_string(samples_dir().join("russland-nordkorea.ron")).unwrap();
    let moved = text
        .replacen("format_version: 1,\n", "", 1)
        .trim_end()
        .strip_suffix(')')
        .unwrap()
        .to_owned()
        + "  format_version: 999,\n)\n";
    assert!(moved.find("format_version").unwrap() > 4096);
    let error = parse_project(&moved, Path::new("later.ron")).unwrap_err();
    assert!(
        matches!(error, ProjectFileError::NewerVersion { found: 999, .. }),
        "{error}"
    );
    // A newer format with fields this version does not know says "newer", not "misspelt".
    let with_new_field = text.replacen(
        "format_version: 1,",
        "format_version: 3,\n  reviewers: [\"Ada\"],",
        1,
    );
    let error = parse_project(&with_new_field, Path::new("new.ron")).unwrap_err();
    assert!(
        matches!(error, ProjectFileError::NewerVersion { found: 3, .. }),
        "{error}"
    );
}

#[test]
fn a_project_checked_out_with_crlf_loads_and_says_so() {
    let text = fs::read_to_string(samples_dir().join("russland-nordkorea.ron")).unwrap();
    let crlf = text.replace('\n', "\r\n");
    let (project, report) = parse_project(&crlf, Path::new("crlf.ron")).unwrap();
    let (original, _) = parse_project(&text, Path::new("lf.ron")).unwrap();
    assert_eq!(project, original);
    assert_eq!(report.crlf_normalised, text.matches('\n').count());
    assert!(
        report.lines().iter().any(|l| l.contains("CRLF")),
        "{:?}",
        report.lines()
    );
}

#[test]
fn messages_say_what_happened_and_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    // An article passed as the project.
    let article = samples_dir().join("asmolov-riac-2024.txt");
    let error = load_project(&article).unwrap_err();
    assert!(
        matches!(error, ProjectFileError::NotAProject { .. }),
        "{error}"
    );
    assert!(error.to_string().contains("import"), "{error}");
    assert!(!error.to_string().contains(".bak"), "{error}");
    // A Lateral project damaged by one bad byte is "damaged", not "not a project".
    let project = sample_project_in(dir.path());
    let mut bytes = fs::read(&project).unwrap();
    bytes[200] = 0xff;
    fs::write(&project, &bytes).unwrap();
    let error = load_project(&project).unwrap_err();
    assert!(
        matches!(error, ProjectFileError::BadBytes { offset: 200, .. }),
        "{error}"
    );
    assert!(error.to_string().contains("no backup"), "{error}");
    fs::write(dir.path().join("p.ron.bak"), b"(format_version: 1)").unwrap();
    let error = load_project(&project).unwrap_err();
    assert!(error.to_string().contains("p.ron.bak"), "{error}");
    // A save that fails (the project is read-only): nothing is reported as imported.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let read_only = dir.path().join("ro.ron");
        fs::copy(samples_dir().join("russland-nordkorea.ron"), &read_only).unwrap();
        fs::set_permissions(&read_only, fs::Permissions::from_mode(0o444)).unwrap();
        let output = lateral(&[
            "import".as_ref(),
            "--project".as_ref(),
            read_only.as_os_str(),
            article.as_os_str(),
        ]);
        assert!(!output.status.success());
        assert!(!stdout(&output).contains("imported"), "{}", stdout(&output));
        assert!(
            stderr(&output).contains("nothing was imported"),
            "{}",
            stderr(&output)
        );
    }
}

/// `import-w3c` says what loading repaired (now saved too), how each annotation was placed and
/// why others were skipped; a tag with a trailing space names the project's tag.
#[test]
fn import_w3c_says_what_it_repaired_and_how_it_placed() {
    let dir = tempfile::tempdir().unwrap();
    let project = sample_project_in(dir.path());
    // Annotation 1's span is one byte off, so loading re-anchors it.
    let ron = fs::read_to_string(&project).unwrap();
    let shifted = ron.replacen(
        "span: (start: 65, end: 143)",
        "span: (start: 66, end: 144)",
        1,
    );
    assert_ne!(ron, shifted, "the sample changed; pick another annotation");
    fs::write(&project, shifted).unwrap();
    let w3c = dir.path().join("hypothesis.json");
    fs::write(
        &w3c,
        r#"{"rows": [
          {"uri": "https://example.org/page", "tags": ["opinion ", "Waffen"], "text": "",
           "target": [{"source": "https://example.org/page", "selector": [
             {"type": "TextQuoteSelector", "exact": "Westliche  Geheimdienste\nberichten"}]}]},
          {"uri": "https://example.org/page", "tags": [],
           "target": [{"source": "https://example.org/page", "selector": [
             {"type": "TextPositionSelector", "start": 10, "end": 20}]}]}]}"#,
    )
    .unwrap();
    let output = lateral(&[
        "import-w3c".as_ref(),
        w3c.as_os_str(),
        "--project".as_ref(),
        project.as_os_str(),
    ]);
    let out = stdout(&output);
    assert_eq!(output.status.code(), Some(2), "{out}{}", stderr(&output));
    assert!(
        out.contains("note: Annotation n1 ") && out.contains("was moved"),
        "{out}"
    );
    assert!(out.contains("1 by loose quote"), "{out}");
    assert!(out.contains("annotation 1 placed by loose quote"), "{out}");
    assert!(out.contains("kept as keywords: Waffen"), "{out}");
    assert!(
        out.contains("skipped annotation 2: no article has the source https://example.org/page, and it has no quote"),
        "{out}"
    );
    let (saved, _) = load_project(&project).unwrap();
    let added = saved
        .annotations()
        .iter()
        .find(|a| a.keywords == ["Waffen"])
        .unwrap();
    assert_eq!(saved.tag(added.tag_id).unwrap().name, "opinion");
    assert_eq!(added.quote, "Westliche Geheimdienste berichten");
}
