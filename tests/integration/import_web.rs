//! Importing from a web address, against a small HTTP server on 127.0.0.1 (never the
//! network): pages, redirects, PDFs and feeds come in; errors, slow servers, large bodies and
//! closed ports give a message and leave the project as it was.

use lateral::io::import::{FetchError, FetchOptions, ImportError, import_address};
use lateral::model::{ArticleId, SourceFormat};
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

/// What the server does for one path.
#[derive(Clone)]
enum Reply {
    /// Status line, headers and body, as sent.
    Raw(Vec<u8>),
    /// Read the request, then say nothing for this long.
    Silent(Duration),
}

fn ok(content_type: &str, body: &[u8]) -> Reply {
    let mut raw = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    )
    .into_bytes();
    raw.extend_from_slice(body);
    Reply::Raw(raw)
}

fn status(line: &str, headers: &str) -> Reply {
    Reply::Raw(
        format!("HTTP/1.1 {line}\r\n{headers}Content-Length: 0\r\nConnection: close\r\n\r\n")
            .into_bytes(),
    )
}

/// Serves `routes` on a free port of 127.0.0.1 until the test binary ends; returns
/// "http://127.0.0.1:PORT".
fn serve(routes: Vec<(&'static str, Reply)>) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let routes = routes.clone();
            std::thread::spawn(move || answer(stream, &routes));
        }
    });
    base
}

fn answer(mut stream: TcpStream, routes: &[(&'static str, Reply)]) {
    let mut request = Vec::new();
    let mut buffer = [0u8; 1024];
    while !request.windows(4).any(|w| w == b"\r\n\r\n") {
        match stream.read(&mut buffer) {
            Ok(0) | Err(_) => return,
            Ok(n) => request.extend_from_slice(&buffer[..n]),
        }
        // Not HTTP (a TLS handshake): a plain server answers 400 and hangs up.
        if !request[0].is_ascii_uppercase() {
            let _ = stream.write_all(b"HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n");
            return;
        }
    }
    let request = String::from_utf8_lossy(&request);
    let path = request.split(' ').nth(1).unwrap_or("/");
    let reply = routes
        .iter()
        .find(|(route, _)| *route == path)
        .map_or_else(|| status("404 Not Found", ""), |(_, reply)| reply.clone());
    match reply {
        Reply::Raw(raw) => {
            let _ = stream.write_all(&raw);
        }
        Reply::Silent(pause) => std::thread::sleep(pause),
    }
}

/// A German news page in Windows-1252 whose only charset is the server's header.
fn page_1252(canonical: bool) -> Vec<u8> {
    let link = if canonical {
        r#"<link rel="canonical" href="https://zeitung.example.org/politik/nordkorea-1.html">"#
    } else {
        ""
    };
    let html = format!(
        "<!DOCTYPE html><html lang=\"de\"><head><title>Nordkoreas Truppen: Was bekannt ist</title>{link}\
         <meta property=\"og:site_name\" content=\"Beispielzeitung\"></head><body>\
         <nav><a href=\"/\">Startseite</a> <a href=\"/politik\">Politik</a></nav>\
         <article><h1>Nordkoreas Truppen: Was bekannt ist</h1>\
         <p>Die Größe des Kontingents ist umstritten. Südkoreas Geheimdienst spricht von bis zu \
         zwölftausend Soldaten, die in Russland ausgebildet werden.</p>\
         <p>Moskau äußert sich nicht. Beobachter halten einen Einsatz an der Front für plausibel, \
         Belege dafür gibt es bislang aber nicht.</p>\
         <p>Die Regierung in Kiew fordert eine deutliche Reaktion der westlichen Partner und \
         weitere Waffenlieferungen für die kommenden Monate.</p></article>\
         <footer>Impressum · Datenschutz</footer></body></html>"
    );
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(&html);
    assert!(!unmappable);
    bytes.into_owned()
}

fn fixture(path: &str) -> Vec<u8> {
    std::fs::read(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap()
}

#[test]
fn a_page_comes_in_decoded_by_the_servers_charset_with_its_canonical_address() {
    let base = serve(vec![(
        "/artikel",
        ok("text/html; charset=windows-1252", &page_1252(true)),
    )]);
    let address = format!("{base}/artikel");
    let articles = import_address(&address, ArticleId(4), &FetchOptions::default()).unwrap();
    assert_eq!(articles.len(), 1);
    let article = &articles[0];
    assert_eq!(article.id, ArticleId(4));
    assert_eq!(article.import.format, SourceFormat::Html);
    assert_eq!(article.import.encoding, "windows-1252");
    assert!(
        article
            .text()
            .contains("Die Größe des Kontingents ist umstritten."),
        "{}",
        article.text()
    );
    assert!(!article.text().contains("Impressum"), "{}", article.text());
    assert_eq!(article.meta.title, "Nordkoreas Truppen: Was bekannt ist");
    assert_eq!(article.meta.outlet, "Beispielzeitung");
    assert_eq!(article.meta.language, "de");
    assert_eq!(
        article.meta.url.as_deref(),
        Some("https://zeitung.example.org/politik/nordkorea-1.html")
    );
    assert_eq!(article.source_file, None);
    let note = &article.import.notes[0];
    assert!(
        note.starts_with(&format!("Fetched from {address}: ")),
        "{note}"
    );
    assert!(note.contains("text/html; charset=windows-1252"), "{note}");
}

#[test]
fn a_redirect_is_followed_and_the_final_address_kept() {
    let base = serve(vec![
        (
            "/kurz",
            status("301 Moved Permanently", "Location: /lang\r\n"),
        ),
        ("/lang", ok("text/html", &page_1252(false))),
        ("/kreis", status("302 Found", "Location: /kreis\r\n")),
    ]);
    let articles = import_address(
        &format!("{base}/kurz"),
        ArticleId(1),
        &FetchOptions::default(),
    )
    .unwrap();
    let article = &articles[0];
    assert_eq!(
        article.meta.url.as_deref(),
        Some(format!("{base}/lang").as_str())
    );
    assert!(
        article.import.notes[0].contains(&format!("redirected from {base}/kurz")),
        "{:?}",
        article.import.notes
    );
    // No charset anywhere: the bytes are not UTF-8, so they are detected, and the umlauts
    // still come through.
    assert!(article.text().contains("Größe"), "{}", article.text());

    // An address with umlauts after the host is sent percent-encoded, as browsers do; one
    // with umlauts in the host is refused with advice.
    let umlaut = serve(vec![(
        "/gespr%C3%A4ch",
        ok("text/html; charset=windows-1252", &page_1252(false)),
    )]);
    let articles = import_address(
        &format!("{umlaut}/gespräch"),
        ArticleId(1),
        &FetchOptions::default(),
    )
    .unwrap();
    assert!(articles[0].text().contains("Größe"));
    let error = import_address(
        "https://www.müller.de/a",
        ArticleId(1),
        &FetchOptions::default(),
    )
    .unwrap_err()
    .to_string();
    assert!(error.contains("beyond ASCII"), "{error}");

    let error = import_address(
        &format!("{base}/kreis"),
        ArticleId(1),
        &FetchOptions::default(),
    )
    .unwrap_err();
    assert!(
        matches!(
            error,
            ImportError::Fetch {
                source: FetchError::TooManyRedirects,
                ..
            }
        ),
        "{error}"
    );
}

#[test]
fn a_pdf_and_a_feed_are_read_as_such() {
    let base = serve(vec![
        (
            "/pm",
            ok(
                "application/pdf",
                &fixture("tests/data/pdf/pressemitteilung.pdf"),
            ),
        ),
        // Misnamed by the server: the bytes tell.
        (
            "/feed",
            ok("text/plain", &fixture("tests/data/feeds/nachrichten.rss")),
        ),
    ]);
    let pdf = import_address(
        &format!("{base}/pm"),
        ArticleId(1),
        &FetchOptions::default(),
    )
    .unwrap();
    assert_eq!(pdf.len(), 1);
    assert_eq!(pdf[0].import.format, SourceFormat::Pdf);
    assert!(pdf[0].word_count() > 100, "{}", pdf[0].text());
    assert_eq!(
        pdf[0].meta.url.as_deref(),
        Some(format!("{base}/pm").as_str())
    );

    let items = import_address(
        &format!("{base}/feed"),
        ArticleId(10),
        &FetchOptions::default(),
    )
    .unwrap();
    assert_eq!(items.len(), 3);
    assert!(items.iter().all(|a| a.import.format == SourceFormat::Feed));
    // Each item keeps its own link, not the feed's address.
    assert_eq!(
        items[0].meta.url.as_deref(),
        Some("https://nachrichten.example.org/ausland/nordkorea-soldaten-100.html")
    );
    assert_eq!(
        items.iter().map(|a| a.id.0).collect::<Vec<_>>(),
        [10, 11, 12]
    );
}

fn fetch_error(address: &str, options: &FetchOptions) -> (FetchError, String) {
    match import_address(address, ArticleId(1), options).unwrap_err() {
        error @ ImportError::Fetch { .. } => {
            let message = error.to_string();
            let ImportError::Fetch { source, .. } = error else {
                unreachable!()
            };
            (source, message)
        }
        other => panic!("expected a fetch error, got {other}"),
    }
}

#[test]
fn server_errors_slow_servers_and_closed_ports_say_what_to_do() {
    let big = vec![b'x'; 5000];
    let base = serve(vec![
        ("/still", Reply::Silent(Duration::from_secs(20))),
        ("/gross", ok("text/html", &big)),
        ("/bild", ok("image/png", b"\x89PNG\r\n")),
        ("/geschlossen", status("403 Forbidden", "")),
    ]);
    let (error, message) = fetch_error(&format!("{base}/fehlt"), &FetchOptions::default());
    assert!(matches!(error, FetchError::Status { .. }), "{message}");
    assert!(message.contains("404 Not Found"), "{message}");
    assert!(message.contains("Check the address"), "{message}");

    let (_, message) = fetch_error(&format!("{base}/geschlossen"), &FetchOptions::default());
    assert!(message.contains("403 Forbidden"), "{message}");
    assert!(message.contains("save the page (Ctrl+S)"), "{message}");

    let quick = FetchOptions {
        timeout: Duration::from_secs(1),
        ..FetchOptions::default()
    };
    let started = Instant::now();
    let (error, message) = fetch_error(&format!("{base}/still"), &quick);
    assert!(matches!(error, FetchError::TimedOut { .. }), "{message}");
    assert!(message.contains("did not answer within 1 s"), "{message}");
    assert!(started.elapsed() < Duration::from_secs(10));

    let small = FetchOptions {
        max_article_bytes: 1000,
        ..FetchOptions::default()
    };
    let (error, message) = fetch_error(&format!("{base}/gross"), &small);
    assert_eq!(
        error,
        FetchError::TooLarge { limit_bytes: 1000 },
        "{message}"
    );

    let (error, message) = fetch_error(&format!("{base}/bild"), &FetchOptions::default());
    assert!(
        matches!(error, FetchError::NotAnArticle { .. }),
        "{message}"
    );
    assert!(message.contains("image/png"), "{message}");

    // Secure connections go through rustls: a server that speaks plain HTTP on an https://
    // address fails the handshake, and the message says so.
    let secure = base.replace("http://", "https://");
    let (error, message) = fetch_error(&format!("{secure}/fehlt"), &FetchOptions::default());
    assert!(matches!(error, FetchError::Tls { .. }), "{message}");
    assert!(message.contains("secure connection"), "{message}");

    // A port nobody listens on: bound, then closed again.
    let closed = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = closed.local_addr().unwrap().port();
    drop(closed);
    let (error, message) = fetch_error(
        &format!("http://127.0.0.1:{port}/"),
        &FetchOptions::default(),
    );
    assert!(matches!(error, FetchError::Unreachable { .. }), "{message}");
    assert!(message.contains("offline"), "{message}");
}

#[test]
fn the_command_line_imports_an_address_and_leaves_the_project_alone_when_it_fails() {
    let base = serve(vec![(
        "/artikel",
        ok("text/html; charset=windows-1252", &page_1252(true)),
    )]);
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("presse.ron");
    let output = Command::new(env!("CARGO_BIN_EXE_lateral"))
        .args(["import", "-p"])
        .arg(&project)
        .arg(format!("{base}/artikel"))
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        stdout.contains("imported https://zeitung.example.org/politik/nordkorea-1.html as "),
        "{stdout}"
    );
    assert!(stdout.contains("note: Fetched from"), "{stdout}");
    let (saved, _) = lateral::io::load_project(&project).unwrap();
    assert_eq!(saved.articles().len(), 1);
    assert_eq!(
        saved.articles()[0].meta.url.as_deref(),
        Some("https://zeitung.example.org/politik/nordkorea-1.html")
    );
    let before = std::fs::read(&project).unwrap();

    let output = Command::new(env!("CARGO_BIN_EXE_lateral"))
        .args(["import", "-p"])
        .arg(&project)
        .arg(format!("{base}/fehlt"))
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(!output.status.success(), "{stdout}");
    assert!(stdout.contains("404 Not Found"), "{stdout}");
    assert_eq!(std::fs::read(&project).unwrap(), before);

    // A new project is not even created when nothing came in.
    let fresh = dir.path().join("leer.ron");
    let output = Command::new(env!("CARGO_BIN_EXE_lateral"))
        .args(["import", "-p"])
        .arg(&fresh)
        .arg(format!("{base}/fehlt"))
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(!fresh.exists());
}

/// The app's *Import from address…* (Ctrl+L): the clipboard's address is offered, the page is
/// fetched in the background with a progress line, and a failure says why.
#[cfg(feature = "gui")]
#[test]
fn the_app_imports_an_address_in_the_background_and_reports_failures() {
    use eframe::egui;
    use egui::accesskit::Role;
    use egui_kittest::kittest::Queryable as _;
    use lateral::app::AppConfig;

    let base = serve(vec![(
        "/artikel",
        ok("text/html; charset=windows-1252", &page_1252(true)),
    )]);
    let slow = serve(vec![("/langsam", Reply::Silent(Duration::from_secs(3)))]);
    let dir = tempfile::tempdir().unwrap();
    let mut config = AppConfig::in_folder(dir.path());
    config.clipboard_text = Some(format!("  {base}/artikel\n"));
    let mut harness = super::app::harness_with(config, None);
    harness.run();
    let before = harness.state().project().articles().len();

    // Ctrl+L opens the dialog with the copied address in its field.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::L);
    harness.run();
    let field = harness.get_by_role_and_label(Role::TextInput, "Address:");
    assert_eq!(
        field.value().as_deref(),
        Some(format!("{base}/artikel").as_str())
    );
    harness
        .get_by_role_and_label(Role::Button, "Import")
        .click();
    harness.run();
    wait_until(&mut harness, |h| {
        h.state().project().articles().len() > before
    });
    let article = harness.state().project().articles().last().unwrap();
    assert_eq!(article.meta.title, "Nordkoreas Truppen: Was bekannt ist");
    assert_eq!(
        article.meta.url.as_deref(),
        Some("https://zeitung.example.org/politik/nordkorea-1.html")
    );
    assert!(harness.query_by_label("Import from address").is_none());
    // Its details say where it came from, not "pasted".
    super::app::open_import_report(
        &mut harness,
        "Import report: 2 passages left out of the page",
    );
    assert!(
        harness
            .query_by_label_contains("fetched from its address · web page")
            .is_some()
    );
    assert!(
        harness
            .query_by_label_contains(&format!("Fetched from {base}/artikel"))
            .is_some()
    );
    harness.key_press(egui::Key::Escape);
    harness.run();

    // A slow server: the progress line names the address while the window stays live.
    harness
        .state_mut()
        .run_action(lateral::app::actions::Action::ImportAddress);
    harness.run();
    let field = harness.get_by_role_and_label(Role::TextInput, "Address:");
    assert_eq!(
        field.value().as_deref(),
        Some(format!("{base}/artikel").as_str())
    );
    // Not an address yet: Import is disabled and the dialog says why.
    // A bare host gets https:// (and the dialog says so); words are no address.
    super::app::retype(&mut harness, "Address:", "www.example.org/a");
    assert!(
        harness
            .query_by_label("Lateral will fetch https://www.example.org/a")
            .is_some()
    );
    super::app::retype(&mut harness, "Address:", "kein Link");
    assert!(
        harness
            .query_by_label_contains("This is no web address")
            .is_some()
    );
    // Import does nothing then: the dialog stays, nothing is fetched.
    harness
        .get_by_role_and_label(Role::Button, "Import")
        .click();
    harness.run();
    assert!(harness.query_by_label_contains("Fetching").is_none());
    assert!(harness.query_by_label("Import from address").is_some());
    super::app::retype(&mut harness, "Address:", &format!("{slow}/langsam"));
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert!(
        harness
            .query_by_label_contains("Fetching http://127.0.0.1")
            .is_some(),
        "no progress line while fetching: {:?}",
        harness
            .query_by_role_and_label(Role::TextInput, "Address:")
            .map(|n| n.value())
    );
    let count = harness.state().project().articles().len();
    wait_until(&mut harness, |h| {
        !h.state().notifications().is_empty() && {
            let last = h.state().notifications().last().unwrap();
            format!("{last:?}").contains("langsam")
        }
    });
    assert_eq!(harness.state().project().articles().len(), count);
    let last = format!("{:?}", harness.state().notifications().last().unwrap());
    assert!(
        last.contains("broke off") || last.contains("did not answer"),
        "{last}"
    );
}

/// Steps the app until `done` holds (background work finishing), at most 15 s.
#[cfg(feature = "gui")]
fn wait_until(
    harness: &mut egui_kittest::Harness<'_, lateral::app::App>,
    done: impl Fn(&egui_kittest::Harness<'_, lateral::app::App>) -> bool,
) {
    let started = Instant::now();
    while !done(harness) {
        assert!(started.elapsed() < Duration::from_secs(15), "timed out");
        std::thread::sleep(Duration::from_millis(20));
        harness.step();
    }
    harness.run();
}
