//! Contacts by region: the ways to reach support, their `tel:` and
//! `mailto:` links, and which region serves a reader, guessed from their
//! locale and time zone.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::hours::Schedule;

/// Contacts for one region.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Region {
    /// Stable id, such as `europe`.
    pub id: String,
    /// Name shown to the reader, in the help center's default language.
    pub name: String,
    /// The name in other languages, by locale tag (`fr`, `pt-BR`), for
    /// [`Region::name_in`]. Regions are the help team's own groupings
    /// ("United Kingdom and other European countries"), not countries, so
    /// authors name them; none given: `name` in every language.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub names: BTreeMap<String, String>,
    /// ISO 3166-1 alpha-2 country codes served.
    #[serde(default)]
    pub countries: Vec<String>,
    /// Whether this region serves every country no other region lists.
    #[serde(default)]
    pub default: bool,
    /// Locale tags of the languages offered, preferred first.
    pub languages: Vec<String>,
    /// How to get in touch.
    pub contacts: Vec<Contact>,
    /// When this region's phone lines are open, if not at the default
    /// hours. Only a region with a phone number has hours.
    #[serde(default)]
    pub hours: Option<Schedule>,
    /// Marks made-up example data, which the widget labels as such.
    #[serde(default)]
    pub example: bool,
}

/// One way to reach support.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case", deny_unknown_fields)]
pub enum Contact {
    /// A phone line, open during its region's [`Schedule`].
    Phone {
        /// The number as shown, such as `+1-646-943-8200`.
        number: String,
        /// A menu option to choose after dialling, if any.
        #[serde(default)]
        option: Option<String>,
        /// Whether calls are free.
        #[serde(default)]
        toll_free: bool,
    },
    /// An email address.
    Email {
        /// The address.
        address: String,
    },
}

impl Contact {
    /// The `tel:` or `mailto:` link. A phone option is dialled too: a
    /// pause (`,`) and the option's digits, as phones understand.
    pub fn href(&self) -> String {
        match self {
            Contact::Phone { number, option, .. } => {
                let digits: String = number
                    .chars()
                    .filter(|c| c.is_ascii_digit() || *c == '+')
                    .collect();
                match option {
                    Some(option) => format!("tel:{digits},{option}"),
                    None => format!("tel:{digits}"),
                }
            }
            Contact::Email { address } => format!("mailto:{address}"),
        }
    }
}

impl Region {
    /// The region's name for a reader of `locale`: the name given for that
    /// tag (case and `_` aside), else for its base language, else `name`.
    pub fn name_in(&self, locale: &str) -> &str {
        let same = |a: &str, b: &str| {
            a.replace('_', "-")
                .eq_ignore_ascii_case(&b.replace('_', "-"))
        };
        let base = crate::ui_strings::base_language(locale);
        self.names
            .iter()
            .find(|(tag, _)| same(tag, locale))
            .or_else(|| self.names.iter().find(|(tag, _)| same(tag, &base)))
            .map_or(&self.name, |(_, name)| name)
    }

    /// Whether the region lists a phone number: only then has it hours.
    pub fn has_phone(&self) -> bool {
        self.contacts
            .iter()
            .any(|c| matches!(c, Contact::Phone { .. }))
    }

    /// The region's first email address, if it has one.
    pub fn email(&self) -> Option<&str> {
        self.contacts.iter().find_map(|c| match c {
            Contact::Email { address } => Some(address.as_str()),
            Contact::Phone { .. } => None,
        })
    }
}

/// The region for a country code, else the default region, else the first.
pub(crate) fn region_for_country<'a>(
    regions: &'a [Region],
    country: Option<&str>,
) -> Option<&'a Region> {
    country
        .and_then(|c| {
            regions
                .iter()
                .find(|r| r.countries.iter().any(|rc| rc.eq_ignore_ascii_case(c)))
        })
        .or_else(|| regions.iter().find(|r| r.default))
        .or_else(|| regions.first())
}

/// The reader's country, guessed from their locale's region (`fr-CA` is
/// Canada), else from their time zone, else from the language alone for
/// the languages support has a team for.
pub fn guess_country(locale: &str, time_zone: &str) -> Option<String> {
    let mut parts = locale.split(['-', '_']);
    let language = parts.next().unwrap_or("").to_ascii_lowercase();
    if let Some(region) = parts.find(|p| p.len() == 2 && p.chars().all(|c| c.is_ascii_alphabetic()))
    {
        return Some(region.to_ascii_uppercase());
    }
    if let Some((_, country)) = ZONE_COUNTRIES.iter().find(|(zone, _)| *zone == time_zone) {
        return Some((*country).to_string());
    }
    let continent = time_zone.split('/').next().unwrap_or("");
    let by_language = match language.as_str() {
        "fr" if continent == "Europe" => Some("FR"),
        "de" if continent == "Europe" => Some("DE"),
        "pt" if continent == "America" => Some("BR"),
        _ => None,
    };
    by_language.map(str::to_string)
}

/// Time zones that name one country, for [`guess_country`]. Zones shared
/// by several countries are left out: the language decides those.
const ZONE_COUNTRIES: &[(&str, &str)] = &[
    ("America/Sao_Paulo", "BR"),
    ("America/Fortaleza", "BR"),
    ("America/Recife", "BR"),
    ("America/Bahia", "BR"),
    ("America/Belem", "BR"),
    ("America/Manaus", "BR"),
    ("America/Cuiaba", "BR"),
    ("America/Porto_Velho", "BR"),
    ("America/New_York", "US"),
    ("America/Chicago", "US"),
    ("America/Denver", "US"),
    ("America/Los_Angeles", "US"),
    ("America/Phoenix", "US"),
    ("America/Anchorage", "US"),
    ("Pacific/Honolulu", "US"),
    ("America/Toronto", "CA"),
    ("America/Vancouver", "CA"),
    ("America/St_Johns", "CA"),
    ("America/Halifax", "CA"),
    ("America/Winnipeg", "CA"),
    ("America/Edmonton", "CA"),
    ("Australia/Sydney", "AU"),
    ("Australia/Melbourne", "AU"),
    ("Australia/Perth", "AU"),
    ("Australia/Brisbane", "AU"),
    ("Australia/Adelaide", "AU"),
    ("Europe/London", "GB"),
    ("Europe/Dublin", "IE"),
    ("Europe/Paris", "FR"),
    ("Europe/Berlin", "DE"),
    ("Europe/Madrid", "ES"),
    ("Europe/Rome", "IT"),
    ("Europe/Amsterdam", "NL"),
    ("Europe/Brussels", "BE"),
    ("Europe/Vienna", "AT"),
    ("Europe/Zurich", "CH"),
    ("Europe/Lisbon", "PT"),
    ("Europe/Stockholm", "SE"),
    ("Europe/Oslo", "NO"),
    ("Europe/Copenhagen", "DK"),
    ("Europe/Helsinki", "FI"),
    ("Europe/Warsaw", "PL"),
    ("Asia/Kolkata", "IN"),
    ("Asia/Tokyo", "JP"),
    ("Asia/Singapore", "SG"),
    ("Pacific/Auckland", "NZ"),
    ("Africa/Johannesburg", "ZA"),
    ("America/Mexico_City", "MX"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_region_is_named_in_the_readers_language_when_the_author_gave_it() {
        let mut region: Region = serde_json::from_str(
            r#"{"id":"europe","name":"Europe","languages":["en"],"contacts":[],
                "names":{"fr":"Europe (FR)","pt-BR":"Europa","de":"Europa (DE)"}}"#,
        )
        .unwrap();
        assert_eq!(region.name_in("fr-CA"), "Europe (FR)");
        assert_eq!(region.name_in("pt_br"), "Europa");
        assert_eq!(region.name_in("de"), "Europa (DE)");
        assert_eq!(region.name_in("en"), "Europe");
        assert_eq!(region.name_in("es"), "Europe");
        region.names.clear();
        assert_eq!(region.name_in("fr"), "Europe");
    }

    #[test]
    fn countries_are_guessed_from_locale_then_zone_then_language() {
        assert_eq!(
            guess_country("fr-CA", "America/Toronto").as_deref(),
            Some("CA")
        );
        assert_eq!(
            guess_country("pt-BR", "Europe/Lisbon").as_deref(),
            Some("BR")
        );
        assert_eq!(guess_country("en", "Europe/Berlin").as_deref(), Some("DE"));
        assert_eq!(
            guess_country("de", "Europe/Luxembourg").as_deref(),
            Some("DE")
        );
        assert_eq!(
            guess_country("pt", "America/Noronha").as_deref(),
            Some("BR")
        );
        assert_eq!(guess_country("en", "Etc/UTC"), None);
    }
}
