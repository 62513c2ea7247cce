//! Importing from a web address: the page, PDF or feed is fetched (with a deadline, a size
//! limit and a few redirects) and read as if it had been saved to a file.

use super::{ImportError, MAX_ARTICLE_BYTES, MAX_PDF_BYTES};
use std::fmt::Write as _;
use std::io::Read as _;
use std::time::Duration;

/// How long one address may take in all: connecting, redirects and the whole body.
pub const FETCH_TIMEOUT: Duration = Duration::from_secs(30);

/// Redirects followed before giving up.
const MAX_REDIRECTS: u32 = 5;

/// How an address is fetched.
#[derive(Clone, Debug)]
pub struct FetchOptions {
    /// Deadline for the whole download.
    pub timeout: Duration,
    /// Largest body taken for a page or feed.
    pub max_article_bytes: u64,
    /// Largest body taken for a PDF.
    pub max_pdf_bytes: u64,
}

impl Default for FetchOptions {
    fn default() -> Self {
        FetchOptions {
            timeout: FETCH_TIMEOUT,
            max_article_bytes: MAX_ARTICLE_BYTES,
            max_pdf_bytes: MAX_PDF_BYTES,
        }
    }
}

/// Why an address could not be fetched. Each message says what to do instead.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum FetchError {
    /// Not an `http://` or `https://` address, or not a well-formed one.
    #[error(
        "this is not a web address Lateral can fetch ({reason}); give the whole address as the browser shows it, beginning with https://"
    )]
    BadAddress {
        /// What is wrong with it.
        reason: String,
    },
    /// The name did not resolve or nobody answered: offline, or a mistyped host.
    #[error(
        "could not reach {host}: this computer seems to be offline, or the address is mistyped. Check the connection and the address, or save the page in the browser (Ctrl+S) and import the file"
    )]
    Unreachable {
        /// The host that was asked.
        host: String,
    },
    /// No answer within the deadline.
    #[error(
        "{host} did not answer within {seconds} s; try again later, or save the page in the browser (Ctrl+S) and import the file"
    )]
    TimedOut {
        /// The host that was asked.
        host: String,
        /// The deadline.
        seconds: u64,
    },
    /// The server answered with an error status.
    #[error("the server answered {status}{advice}")]
    Status {
        /// The status code and its reason, e.g. "404 Not Found".
        status: String,
        /// What to do about it.
        advice: &'static str,
    },
    /// More than five redirects.
    #[error(
        "the address redirects more than {MAX_REDIRECTS} times (perhaps to a login or consent page); open it in the browser and save the page (Ctrl+S), then import the file"
    )]
    TooManyRedirects,
    /// The secure connection could not be set up.
    #[error(
        "the secure connection to {host} failed ({detail}); check the address, or save the page in the browser (Ctrl+S) and import the file"
    )]
    Tls {
        /// The host that was asked.
        host: String,
        /// What failed.
        detail: String,
    },
    /// The body is larger than the limit.
    #[error(
        "the download is larger than {} MB, more than an article; save it in the browser and import the file if it is one", .limit_bytes / (1024 * 1024)
    )]
    TooLarge {
        /// The limit that was passed.
        limit_bytes: u64,
    },
    /// The address gives something else than a page, a feed or a PDF.
    #[error(
        "the address gives {content_type}, not an article; give the address of the article's page, its PDF or a feed"
    )]
    NotAnArticle {
        /// The content type the server named.
        content_type: String,
    },
    /// The connection broke off or the server spoke no HTTP Lateral reads.
    #[error(
        "the download from {host} broke off ({detail}); try again, or save the page in the browser (Ctrl+S) and import the file"
    )]
    Broken {
        /// The host that was asked.
        host: String,
        /// What went wrong.
        detail: String,
    },
}

/// What a server sent for an address.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fetched {
    /// The address as asked for.
    pub address: String,
    /// The address that answered, after redirects.
    pub final_address: String,
    /// The `Content-Type` header, if any.
    pub content_type: Option<String>,
    /// The body, decompressed.
    pub bytes: Vec<u8>,
}

impl Fetched {
    /// The media type in lower case without parameters ("text/html").
    #[must_use]
    pub fn media_type(&self) -> Option<String> {
        self.content_type.as_deref().map(media_type)
    }

    /// The `charset` parameter of the content type, if it names an encoding.
    #[must_use]
    pub fn charset(&self) -> Option<&'static encoding_rs::Encoding> {
        let content_type = self.content_type.as_deref()?;
        content_type.split(';').skip(1).find_map(|parameter| {
            let (name, value) = parameter.split_once('=')?;
            name.trim()
                .eq_ignore_ascii_case("charset")
                .then(|| {
                    encoding_rs::Encoding::for_label(value.trim().trim_matches('"').as_bytes())
                })
                .flatten()
        })
    }
}

fn media_type(content_type: &str) -> String {
    content_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase()
}

/// Whether `text` is meant as a web address (`http://` or `https://`, any case), not a file.
///
/// ```
/// use lateral::io::import::is_address;
/// assert!(is_address("https://www.tagesschau.de/ausland/nordkorea-100.html"));
/// assert!(is_address("  HTTP://example.org"));
/// assert!(!is_address("artikel.html"));
/// ```
#[must_use]
pub fn is_address(text: &str) -> bool {
    let text = text.trim_start();
    ["http://", "https://"].iter().any(|scheme| {
        text.get(..scheme.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(scheme))
    })
}

/// The address meant by what someone typed or pasted: an `http(s)://` address as it is, a
/// bare host name with a path ("www.zeit.de/politik") with `https://` before it; `None` for
/// anything else (words, spaces, other schemes).
///
/// ```
/// use lateral::io::import::address_from_typed;
/// assert_eq!(address_from_typed(" https://a.org/x "), Some("https://a.org/x".into()));
/// assert_eq!(address_from_typed("www.zeit.de/politik"), Some("https://www.zeit.de/politik".into()));
/// assert_eq!(address_from_typed("kein Link"), None);
/// assert_eq!(address_from_typed("ftp://a.org"), None);
/// assert_eq!(address_from_typed("artikel.html"), None);
/// ```
#[must_use]
pub fn address_from_typed(text: &str) -> Option<String> {
    let text = text.trim();
    if text.is_empty() || text.contains(char::is_whitespace) {
        return None;
    }
    if is_address(text) {
        return Some(text.to_owned());
    }
    let host = text.split(['/', '?', '#']).next().unwrap_or_default();
    let labels: Vec<&str> = host.split('.').collect();
    // A host has a dot, letters, digits and hyphens, and ends in a top-level domain that is
    // not a file extension Lateral imports ("artikel.html" is a file).
    let tld = labels.last().copied().unwrap_or_default();
    let looks_like_host = !text.contains("://")
        && labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && l.chars()
                    .all(|c| c.is_alphanumeric() || c == '-' || c == ':')
        })
        && tld.chars().any(char::is_alphabetic)
        && !super::IMPORT_EXTENSIONS
            .iter()
            .any(|ext| ext.eq_ignore_ascii_case(tld));
    looks_like_host.then(|| format!("https://{text}"))
}

/// The address with every non-ASCII character after the host percent-encoded, as a browser
/// sends it ("…/gespräch" → "…/gespr%C3%A4ch"). A host with non-ASCII letters is refused:
/// its punycode form is what the browser's address bar gives when copied.
fn percent_encode_path(address: &str) -> Result<String, FetchError> {
    let (scheme, rest) = address.split_once("://").unwrap_or(("", address));
    let host_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(host_end);
    if !authority.is_ascii() {
        return Err(FetchError::BadAddress {
            reason: format!(
                "the host name {authority} has letters beyond ASCII; copy the address from the browser's address bar (it gives the form to fetch, e.g. xn--…)"
            ),
        });
    }
    let mut encoded = format!("{scheme}://{authority}");
    for c in tail.chars() {
        if c.is_ascii() {
            encoded.push(c);
        } else {
            let mut buffer = [0u8; 4];
            for byte in c.encode_utf8(&mut buffer).bytes() {
                let _ = write!(encoded, "%{byte:02X}");
            }
        }
    }
    Ok(encoded)
}

/// The host of an address, for messages ("www.example.org").
fn host_of(address: &str) -> String {
    let rest = address.split_once("://").map_or(address, |(_, rest)| rest);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    host.to_owned()
}

fn is_loopback(host: &str) -> bool {
    let name = host
        .rsplit_once(':')
        .filter(|(_, port)| port.bytes().all(|b| b.is_ascii_digit()))
        .map_or(host, |(name, _)| name);
    let name = name.trim_start_matches('[').trim_end_matches(']');
    name.eq_ignore_ascii_case("localhost")
        || name
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

/// Fetches `address` with `options`. Proxies named in the environment (`https_proxy`,
/// `NO_PROXY`) are used, except for this computer's own addresses.
pub fn fetch(address: &str, options: &FetchOptions) -> Result<Fetched, FetchError> {
    let address = address.trim();
    if !is_address(address) {
        return Err(FetchError::BadAddress {
            reason: "it does not begin with http:// or https://".to_owned(),
        });
    }
    let address = &percent_encode_path(address)?;
    let uri: ureq::http::Uri =
        address
            .parse()
            .map_err(|e: ureq::http::uri::InvalidUri| FetchError::BadAddress {
                reason: e.to_string(),
            })?;
    // The host and port, without any user name or password in the address.
    let host = match (uri.host(), uri.port_u16()) {
        (Some(host), Some(port)) => format!("{host}:{port}"),
        (Some(host), None) => host.to_owned(),
        (None, _) => host_of(address),
    };
    if uri.host().is_none_or(str::is_empty) {
        return Err(FetchError::BadAddress {
            reason: "it names no host".to_owned(),
        });
    }
    let mut config = ureq::Agent::config_builder()
        .timeout_global(Some(options.timeout))
        .max_redirects(MAX_REDIRECTS)
        .http_status_as_error(false)
        .user_agent(concat!(
            "Lateral/",
            env!("CARGO_PKG_VERSION"),
            " (news reading tool)"
        ));
    if is_loopback(&host) {
        config = config.proxy(None);
    }
    let agent = ureq::Agent::new_with_config(config.build());
    let error = |e: ureq::Error| fetch_error(e, &host, options);
    let mut response = agent
        .get(&uri)
        .header(
            "Accept",
            "text/html,application/xhtml+xml,application/pdf,application/rss+xml,application/atom+xml,application/feed+json,text/plain;q=0.9,*/*;q=0.5",
        )
        .header("Accept-Language", "de,en;q=0.8,*;q=0.5")
        .call()
        .map_err(|e| match e {
            // rustls reports a failed handshake as invalid data read from the socket.
            ureq::Error::Io(io)
                if io.kind() == std::io::ErrorKind::InvalidData
                    && uri.scheme_str().is_some_and(|s| s.eq_ignore_ascii_case("https")) =>
            {
                FetchError::Tls {
                    host: host.clone(),
                    detail: io.to_string(),
                }
            }
            other => error(other),
        })?;
    let status = response.status();
    if !status.is_success() {
        return Err(status_error(status));
    }
    let final_address = ureq::ResponseExt::get_uri(&response).to_string();
    let content_type = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let media = content_type.as_deref().map(media_type);
    if let Some(media) = media.as_deref().filter(|m| !could_be_article(m)) {
        return Err(FetchError::NotAnArticle {
            content_type: media.to_owned(),
        });
    }
    let limit = if media
        .as_deref()
        .is_some_and(|m| m.contains("pdf") || m == "application/octet-stream")
        || final_address.to_ascii_lowercase().ends_with(".pdf")
    {
        options.max_pdf_bytes
    } else {
        options.max_article_bytes
    };
    // Read one byte past the limit to tell "exactly the limit" from "more".
    let mut bytes = Vec::new();
    response
        .body_mut()
        .with_config()
        .limit(u64::MAX)
        .reader()
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| io_error(e, &host, options))?;
    if bytes.len() as u64 > limit {
        return Err(FetchError::TooLarge { limit_bytes: limit });
    }
    Ok(Fetched {
        address: address.to_owned(),
        final_address,
        content_type,
        bytes,
    })
}

/// Media types that are never an article; everything else is looked at.
fn could_be_article(media: &str) -> bool {
    !(media.starts_with("image/")
        || media.starts_with("audio/")
        || media.starts_with("video/")
        || media.starts_with("font/")
        || matches!(
            media,
            "application/zip" | "application/gzip" | "application/javascript" | "text/css"
        ))
}

fn status_error(status: ureq::http::StatusCode) -> FetchError {
    let advice = match status.as_u16() {
        401 | 403 => {
            ": the page needs a login or does not serve programs. Open it in the browser and save the page (Ctrl+S), then import the file"
        }
        404 | 410 => ": there is no page at this address. Check the address (is it complete?)",
        429 => ": too many requests. Wait a minute and try again",
        500.. => ": the site has a problem. Try again later",
        _ => ". Check the address, or save the page in the browser (Ctrl+S) and import the file",
    };
    let status = match status.canonical_reason() {
        Some(reason) => format!("{} {reason}", status.as_u16()),
        None => status.as_u16().to_string(),
    };
    FetchError::Status { status, advice }
}

/// No answer within the deadline of `options`, in whole seconds.
fn timed_out(host: String, options: &FetchOptions) -> FetchError {
    FetchError::TimedOut {
        host,
        seconds: options.timeout.as_secs().max(1),
    }
}

fn fetch_error(error: ureq::Error, host: &str, options: &FetchOptions) -> FetchError {
    let host = host.to_owned();
    match error {
        ureq::Error::Timeout(_) => timed_out(host, options),
        ureq::Error::HostNotFound | ureq::Error::ConnectionFailed => {
            FetchError::Unreachable { host }
        }
        ureq::Error::TooManyRedirects => FetchError::TooManyRedirects,
        ureq::Error::RedirectFailed => FetchError::Broken {
            host,
            detail: "the server sent a redirect without a usable address".to_owned(),
        },
        ureq::Error::BadUri(reason) => FetchError::BadAddress { reason },
        ureq::Error::BodyExceedsLimit(limit_bytes) => FetchError::TooLarge { limit_bytes },
        ureq::Error::Tls(detail) => FetchError::Tls {
            host,
            detail: detail.to_owned(),
        },
        ureq::Error::Rustls(detail) => FetchError::Tls {
            host,
            detail: detail.to_string(),
        },
        ureq::Error::Io(error) => io_error(error, &host, options),
        other => FetchError::Broken {
            host,
            detail: other.to_string(),
        },
    }
}

fn io_error(error: std::io::Error, host: &str, options: &FetchOptions) -> FetchError {
    use std::io::ErrorKind;
    // ureq hands its own errors through readers wrapped in an io::Error.
    let error = match error.downcast::<ureq::Error>() {
        Ok(inner) => return fetch_error(inner, host, options),
        Err(error) => error,
    };
    let host = host.to_owned();
    match error.kind() {
        ErrorKind::TimedOut | ErrorKind::WouldBlock => timed_out(host, options),
        ErrorKind::ConnectionRefused
        | ErrorKind::HostUnreachable
        | ErrorKind::NetworkUnreachable
        | ErrorKind::NetworkDown
        | ErrorKind::AddrNotAvailable => FetchError::Unreachable { host },
        // A name that does not resolve (offline, or mistyped) has no kind of its own; the
        // standard library words it so on every Unix, and Windows gives HostUnreachable.
        _ if error.to_string().starts_with("failed to lookup address") => {
            FetchError::Unreachable { host }
        }
        _ => FetchError::Broken {
            host,
            detail: error.to_string(),
        },
    }
}

/// What the fetched bytes are taken to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    Pdf,
    Feed,
    Mhtml,
    Html,
    Text,
}

/// The kind the server named, if it names one import reads.
pub(super) fn kind_of(fetched: &Fetched) -> Option<Kind> {
    let media = fetched.media_type()?;
    Some(match media.as_str() {
        "application/pdf" | "application/x-pdf" => Kind::Pdf,
        "application/rss+xml" | "application/atom+xml" | "application/feed+json" => Kind::Feed,
        "multipart/related" | "message/rfc822" | "application/x-mimearchive" => Kind::Mhtml,
        "text/html" | "application/xhtml+xml" => Kind::Html,
        "text/plain" | "text/markdown" => Kind::Text,
        _ => return None,
    })
}

/// Fetches `address` and imports what it gives: one article for a page or a PDF, one per
/// item for a feed. Ids count up from `first_id`.
pub fn import_address(
    address: &str,
    first_id: crate::model::ArticleId,
    options: &FetchOptions,
) -> Result<Vec<crate::model::Article>, ImportError> {
    let fetch_failed = |source| ImportError::Fetch {
        source,
        address: address.trim().to_owned(),
    };
    let fetched = fetch(address, options).map_err(fetch_failed)?;
    let decode_failed = |source| ImportError::Decode {
        source,
        path: address.trim().into(),
    };
    let mut articles = super::articles_from_bytes(
        &fetched.bytes,
        first_id,
        &super::Origin {
            name: &fetched.final_address,
            kind: kind_of(&fetched),
            charset: fetched.charset(),
            address: Some(&fetched.final_address),
        },
    )
    .map_err(decode_failed)?;
    let redirected = if fetched.final_address == fetched.address {
        String::new()
    } else {
        format!(", redirected from {}", fetched.address)
    };
    let served = fetched
        .content_type
        .as_deref()
        .map(|t| format!(" as {t}"))
        .unwrap_or_default();
    let note = format!(
        "Fetched from {}{redirected}: {} bytes{served}.",
        fetched.final_address,
        fetched.bytes.len()
    );
    let is_feed = articles
        .first()
        .is_some_and(|a| a.import.format == crate::model::SourceFormat::Feed);
    for article in &mut articles {
        article.import.notes.insert(0, note.clone());
        // A feed item without a link of its own is not at the feed's address.
        if article.meta.url.is_none() && !is_feed {
            article.meta.url = Some(fetched.final_address.clone());
        }
    }
    Ok(articles)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_and_loopback() {
        assert_eq!(
            host_of("https://user@www.zeit.de:443/a?b"),
            "www.zeit.de:443"
        );
        assert!(is_loopback("127.0.0.1:8080"));
        assert!(is_loopback("[::1]:80"));
        assert!(is_loopback("LOCALHOST"));
        assert!(!is_loopback("www.example.org"));
    }

    #[test]
    fn charset_from_content_type() {
        let fetched = Fetched {
            address: String::new(),
            final_address: String::new(),
            content_type: Some("text/html; Charset=\"ISO-8859-1\"".into()),
            bytes: Vec::new(),
        };
        assert_eq!(fetched.charset(), Some(encoding_rs::WINDOWS_1252));
        assert_eq!(fetched.media_type().as_deref(), Some("text/html"));
        assert_eq!(kind_of(&fetched), Some(Kind::Html));
    }

    #[test]
    fn bad_addresses_are_refused_before_any_connection() {
        let options = FetchOptions::default();
        for address in [
            "ftp://example.org/a",
            "https://",
            "https:// x y",
            "artikel.html",
        ] {
            let error = fetch(address, &options).expect_err(address);
            assert!(
                matches!(error, FetchError::BadAddress { .. }),
                "{address}: {error}"
            );
        }
    }
}
