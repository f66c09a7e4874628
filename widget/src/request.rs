//! The support request helper's plain logic: what the browser and OS are,
//! and the prefilled email. Native tests cover it; the contact view uses it.

use help_core::template::fill;
use percent_encoding::{NON_ALPHANUMERIC, utf8_percent_encode};

use crate::i18n::Strings;

/// What support asks for, gathered from the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestDetails {
    /// The publisher's Site ID, if known.
    pub sid: Option<String>,
    /// Browser name and major version, such as `Chrome 131`.
    pub browser: String,
    /// Operating system, such as `Windows 10/11`.
    pub os: String,
    /// The dashboard page the publisher is on.
    pub page: String,
    /// When, as an ISO 8601 UTC instant.
    pub time: String,
}

/// Browser and OS from a user agent string, as a person would name them.
pub fn describe_user_agent(ua: &str) -> (String, String) {
    let version_after = |marker: &str| -> Option<String> {
        let rest = &ua[ua.find(marker)? + marker.len()..];
        let major: String = rest.chars().take_while(char::is_ascii_digit).collect();
        (!major.is_empty()).then_some(major)
    };
    let browser = if let Some(v) = version_after("Edg/") {
        format!("Edge {v}")
    } else if let Some(v) = version_after("OPR/") {
        format!("Opera {v}")
    } else if let Some(v) = version_after("Firefox/") {
        format!("Firefox {v}")
    } else if let Some(v) = version_after("Chrome/").or_else(|| version_after("CriOS/")) {
        format!("Chrome {v}")
    } else if ua.contains("Safari/") {
        version_after("Version/").map_or("Safari".to_string(), |v| format!("Safari {v}"))
    } else {
        "Unknown browser".to_string()
    };
    let os = if ua.contains("Windows NT 10.0") {
        "Windows 10/11".to_string()
    } else if let Some(v) = version_after("Windows NT ") {
        format!("Windows NT {v}")
    } else if ua.contains("iPhone") || ua.contains("iPad") {
        version_after("OS ").map_or("iOS".to_string(), |v| format!("iOS {v}"))
    } else if let Some(v) = version_after("Android ") {
        format!("Android {v}")
    } else if ua.contains("CrOS") {
        "ChromeOS".to_string()
    } else if ua.contains("Mac OS X") {
        "macOS".to_string()
    } else if ua.contains("Linux") {
        "Linux".to_string()
    } else {
        "Unknown OS".to_string()
    };
    (browser, os)
}

impl RequestDetails {
    /// The email subject, in the reader's words: it carries the SID so
    /// support can look it up.
    pub fn subject(&self, ui: &Strings) -> String {
        match &self.sid {
            Some(sid) => fill(ui.email_subject_sid, &[sid]),
            None => ui.email_subject.to_string(),
        }
    }

    /// The email body, in the reader's words: what support asks for, with
    /// room for the steps and the error message.
    pub fn body(&self, ui: &Strings) -> String {
        let sid = self.sid.as_deref().unwrap_or(ui.email_no_sid);
        [
            fill(ui.email_sid, &[sid]),
            fill(ui.email_browser, &[&self.browser]),
            fill(ui.email_os, &[&self.os]),
            fill(ui.email_page, &[&self.page]),
            fill(ui.email_time, &[&self.time]),
            String::new(),
            ui.email_steps.to_string(),
            "1. ".to_string(),
            String::new(),
            ui.email_error.to_string(),
            String::new(),
            ui.email_screenshot.to_string(),
            String::new(),
        ]
        .join("\n")
    }

    /// A `mailto:` link to `address` with the subject and body filled in.
    pub fn mailto(&self, address: &str, ui: &Strings) -> String {
        let encode = |s: &str| utf8_percent_encode(s, NON_ALPHANUMERIC).to_string();
        format!(
            "mailto:{address}?subject={}&body={}",
            encode(&self.subject(ui)),
            encode(&self.body(ui))
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_agents_are_named_as_people_name_them() {
        let chrome = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
        assert_eq!(
            describe_user_agent(chrome),
            ("Chrome 131".into(), "Windows 10/11".into())
        );
        let edge = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.86";
        assert_eq!(describe_user_agent(edge).0, "Edge 131");
        let firefox = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";
        assert_eq!(
            describe_user_agent(firefox),
            ("Firefox 133".into(), "Linux".into())
        );
        let safari = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15";
        assert_eq!(
            describe_user_agent(safari),
            ("Safari 18".into(), "macOS".into())
        );
        let iphone = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
        assert_eq!(
            describe_user_agent(iphone),
            ("Safari 17".into(), "iOS 17".into())
        );
        let android = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";
        assert_eq!(
            describe_user_agent(android),
            ("Chrome 131".into(), "Android 14".into())
        );
    }

    #[test]
    fn the_email_carries_what_support_asks_for() {
        let details = RequestDetails {
            sid: Some("3141592".into()),
            browser: "Chrome 131".into(),
            os: "Windows 10/11".into(),
            page: "https://dash.example/reports?x=1&y=2".into(),
            time: "2026-11-25T09:00:00Z".into(),
        };
        let en = &crate::i18n::EN;
        assert_eq!(details.subject(en), "Support request (SID 3141592)");
        let body = details.body(en);
        for needle in [
            "Site ID (SID): 3141592",
            "Browser: Chrome 131",
            "Operating system: Windows 10/11",
            "Page: https://dash.example/reports?x=1&y=2",
            "Time: 2026-11-25T09:00:00Z",
            "step by step",
            "error message",
        ] {
            assert!(body.contains(needle), "{needle}");
        }
        let link = details.mailto("support-fr@example.com", en);
        assert!(link.starts_with("mailto:support-fr@example.com?subject=Support%20request%20%28SID%203141592%29&body="), "{link}");
        assert!(
            !link[7..].contains(['&', '?'].as_slice()) || link.matches('&').count() == 1,
            "the page URL's own & is encoded: {link}"
        );
    }

    #[test]
    fn the_email_is_in_the_readers_language() {
        let details = RequestDetails {
            sid: None,
            browser: "Chrome 131".into(),
            os: "Linux".into(),
            page: "https://dash.example/".into(),
            time: "2026-11-25T09:00:00Z".into(),
        };
        let fr = &crate::i18n::FR;
        assert_eq!(details.subject(fr), "Demande d’assistance");
        let body = details.body(fr);
        for needle in [
            "Identifiant de site (SID) : (à compléter)",
            "Navigateur : Chrome 131",
            "Système d’exploitation : Linux",
            "étape par étape",
        ] {
            assert!(body.contains(needle), "{needle}: {body}");
        }
        let de = &crate::i18n::DE;
        let sid = RequestDetails {
            sid: Some("42".into()),
            ..details.clone()
        };
        assert_eq!(sid.subject(de), "Supportanfrage (SID 42)");
        assert!(sid.body(de).contains("Betriebssystem: Linux"));
        let pt = &crate::i18n::PT_BR;
        assert!(details.body(pt).contains("Sistema operacional: Linux"));
        assert!(!details.body(pt).contains("Operating system"));
    }
}
