//! The panel's words in the four languages support speaks.
//!
//! The language comes from `data-locale`, then `navigator.language`; an
//! unknown one falls back to English. Templates mark their arguments `{}`
//! and are filled by `help_core::template`.

/// Every string the panel shows.
#[derive(Debug, PartialEq, Eq)]
pub struct Strings {
    /// The locale tag these strings are for.
    pub locale: &'static str,
    /// The panel's title.
    pub help: &'static str,
    /// The close button's label.
    pub close: &'static str,
    /// The back button.
    pub back: &'static str,
    /// The search box's label and placeholder.
    pub search: &'static str,
    /// Heading over the articles suggested for the page.
    pub suggested: &'static str,
    /// Shown while results load.
    pub searching: &'static str,
    /// One result.
    pub one_result: &'static str,
    /// `{}` results.
    pub results: &'static str,
    /// No result for `{}`.
    pub no_results: &'static str,
    /// The bundle could not be loaded.
    pub unavailable: &'static str,
    /// The retry button.
    pub retry: &'static str,
    /// The link to the contact view.
    pub contact_support: &'static str,
    /// A signed-in article linked from a public one.
    pub sign_in_to_read: &'static str,
    /// The video link, with its length `{}`.
    pub watch_video: &'static str,
    /// Last updated on `{}`.
    pub updated: &'static str,
    /// The link to the article in the full help center.
    pub open_in_help_center: &'static str,
    /// The feedback question.
    pub helpful: &'static str,
    /// Yes.
    pub yes: &'static str,
    /// No.
    pub no: &'static str,
    /// The optional comment's label.
    pub comment: &'static str,
    /// Sends the comment.
    pub send: &'static str,
    /// Thanks for the vote.
    pub thanks: &'static str,
    /// `{}` of `{}` found this helpful.
    pub found_helpful: &'static str,
    /// Heading of the phone hours.
    pub phone_hours: &'static str,
    /// Open now: closes at `{}` (in `{}`).
    pub open_now: &'static str,
    /// Closed: opens at `{}`.
    pub closed: &'static str,
    /// Closed with no opening in sight.
    pub closed_for_now: &'static str,
    /// A line of the week's hours in the reader's time zone: the days
    /// `{}` (from `weekdays` or `every_day`), open `{}` to `{}`.
    pub week_hours: &'static str,
    /// The weekdays, short, Monday first, for `week_hours`.
    pub weekdays: [&'static str; 7],
    /// All seven days, for `week_hours`.
    pub every_day: &'static str,
    /// Phone support speaks `{}`.
    pub phone_language: &'static str,
    /// "tomorrow".
    pub tomorrow: &'static str,
    /// The time zone picker's label.
    pub time_zone: &'static str,
    /// The region picker's label.
    pub region: &'static str,
    /// Languages offered: `{}`.
    pub languages: &'static str,
    /// A toll-free number.
    pub toll_free: &'static str,
    /// Choose option `{}` after dialling.
    pub then_option: &'static str,
    /// The copy button.
    pub copy: &'static str,
    /// After copying.
    pub copied: &'static str,
    /// Marks example contacts.
    pub example_contact: &'static str,
    /// Heading of the request helper.
    pub your_sid: &'static str,
    /// Why the SID matters.
    pub sid_why: &'static str,
    /// No SID known.
    pub sid_unknown: &'static str,
    /// Opens the prefilled email.
    pub email_support: &'static str,
    /// Copies the request details (for phone calls).
    pub copy_details: &'static str,
    /// Add `{}` to safe senders.
    pub safe_senders: &'static str,
    /// The next closure: `{}` on `{}`.
    pub closure: &'static str,
    /// An article not translated yet: it is in `{}`.
    pub written_in: &'static str,
}

/// English, the fallback.
pub const EN: Strings = Strings {
    locale: "en",
    help: "Help",
    close: "Close help",
    back: "Back",
    search: "Search help articles",
    suggested: "Suggested for this page",
    searching: "Searching…",
    one_result: "1 article found.",
    results: "{} articles found.",
    no_results: "No articles match “{}”.",
    unavailable: "Help articles are unavailable right now.",
    retry: "Retry",
    contact_support: "Contact support",
    sign_in_to_read: "Sign in to the dashboard to read this article.",
    watch_video: "Watch the video ({})",
    updated: "Updated {}",
    open_in_help_center: "Open in the help center",
    helpful: "Was this article helpful?",
    yes: "Yes",
    no: "No",
    comment: "Tell us more (optional)",
    send: "Send",
    thanks: "Thank you for your feedback.",
    found_helpful: "{} out of {} found this helpful",
    phone_hours: "Phone support",
    open_now: "Open now: closes at {} (in {})",
    closed: "Closed: opens at {}",
    closed_for_now: "Closed: no opening is scheduled",
    week_hours: "{}, {}–{} your time",
    weekdays: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
    every_day: "Every day",
    phone_language: "Phone support is in {}.",
    tomorrow: "tomorrow",
    time_zone: "Your time zone",
    region: "Your region",
    languages: "Languages: {}",
    toll_free: "toll-free",
    then_option: "then choose option {}",
    copy: "Copy",
    copied: "Copied",
    example_contact: "Example contact (sample data)",
    your_sid: "Your Site ID (SID)",
    sid_why: "Put it in every message: support finds your account by it.",
    sid_unknown: "Sign in to see your SID at the top right of the dashboard.",
    email_support: "Email support",
    copy_details: "Copy request details",
    safe_senders: "Add {} to your safe senders, so the answer does not land in spam.",
    closure: "Closed on {}: {}",
    written_in: "This article is in {}.",
};

/// French.
pub const FR: Strings = Strings {
    locale: "fr",
    help: "Aide",
    close: "Fermer l’aide",
    back: "Retour",
    search: "Rechercher dans l’aide",
    suggested: "Suggestions pour cette page",
    searching: "Recherche…",
    one_result: "1 article trouvé.",
    results: "{} articles trouvés.",
    no_results: "Aucun article ne correspond à « {} ».",
    unavailable: "Les articles d’aide sont indisponibles pour le moment.",
    retry: "Réessayer",
    contact_support: "Contacter le support",
    sign_in_to_read: "Connectez-vous au tableau de bord pour lire cet article.",
    watch_video: "Voir la vidéo ({})",
    updated: "Mis à jour le {}",
    open_in_help_center: "Ouvrir dans le centre d’aide",
    helpful: "Cet article vous a-t-il aidé ?",
    yes: "Oui",
    no: "Non",
    comment: "Dites-nous en plus (facultatif)",
    send: "Envoyer",
    thanks: "Merci pour votre avis.",
    found_helpful: "{} personnes sur {} ont trouvé cet article utile",
    phone_hours: "Support téléphonique",
    open_now: "Ouvert : ferme à {} (dans {})",
    closed: "Fermé : ouvre à {}",
    closed_for_now: "Fermé : aucune ouverture prévue",
    week_hours: "{}, de {} à {}, heure locale",
    weekdays: ["lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."],
    every_day: "Tous les jours",
    phone_language: "Le support téléphonique est en {}.",
    tomorrow: "demain",
    time_zone: "Votre fuseau horaire",
    region: "Votre région",
    languages: "Langues : {}",
    toll_free: "gratuit",
    then_option: "puis choisissez l’option {}",
    copy: "Copier",
    copied: "Copié",
    example_contact: "Contact d’exemple (données fictives)",
    your_sid: "Votre identifiant de site (SID)",
    sid_why: "Indiquez-le dans chaque message : le support retrouve votre compte grâce à lui.",
    sid_unknown: "Connectez-vous pour voir votre SID en haut à droite du tableau de bord.",
    email_support: "Écrire au support",
    copy_details: "Copier les détails de la demande",
    safe_senders: "Ajoutez {} à vos expéditeurs approuvés pour que la réponse n’arrive pas dans les spams.",
    closure: "Fermé le {} : {}",
    written_in: "Cet article est en {}.",
};

/// German.
pub const DE: Strings = Strings {
    locale: "de",
    help: "Hilfe",
    close: "Hilfe schließen",
    back: "Zurück",
    search: "Hilfeartikel durchsuchen",
    suggested: "Vorschläge für diese Seite",
    searching: "Suche läuft…",
    one_result: "1 Artikel gefunden.",
    results: "{} Artikel gefunden.",
    no_results: "Keine Artikel zu „{}“.",
    unavailable: "Die Hilfeartikel sind gerade nicht erreichbar.",
    retry: "Erneut versuchen",
    contact_support: "Support kontaktieren",
    sign_in_to_read: "Melden Sie sich im Dashboard an, um diesen Artikel zu lesen.",
    watch_video: "Video ansehen ({})",
    updated: "Aktualisiert am {}",
    open_in_help_center: "Im Hilfe-Center öffnen",
    helpful: "War dieser Artikel hilfreich?",
    yes: "Ja",
    no: "Nein",
    comment: "Erzählen Sie uns mehr (optional)",
    send: "Senden",
    thanks: "Vielen Dank für Ihr Feedback.",
    found_helpful: "{} von {} fanden dies hilfreich",
    phone_hours: "Telefonsupport",
    open_now: "Jetzt geöffnet: schließt um {} (in {})",
    closed: "Geschlossen: öffnet um {}",
    closed_for_now: "Geschlossen: keine Öffnung geplant",
    week_hours: "{}, {}–{}, Ihre Ortszeit",
    weekdays: ["Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"],
    every_day: "Täglich",
    phone_language: "Der Telefonsupport spricht {}.",
    tomorrow: "morgen",
    time_zone: "Ihre Zeitzone",
    region: "Ihre Region",
    languages: "Sprachen: {}",
    toll_free: "gebührenfrei",
    then_option: "dann Option {} wählen",
    copy: "Kopieren",
    copied: "Kopiert",
    example_contact: "Beispielkontakt (Beispieldaten)",
    your_sid: "Ihre Site-ID (SID)",
    sid_why: "Geben Sie sie in jeder Nachricht an: Der Support findet Ihr Konto darüber.",
    sid_unknown: "Melden Sie sich an, um Ihre SID oben rechts im Dashboard zu sehen.",
    email_support: "Support per E-Mail",
    copy_details: "Anfragedetails kopieren",
    safe_senders: "Fügen Sie {} zu Ihren sicheren Absendern hinzu, damit die Antwort nicht im Spam landet.",
    closure: "Geschlossen am {}: {}",
    written_in: "Dieser Artikel ist auf {}.",
};

/// Brazilian Portuguese.
pub const PT_BR: Strings = Strings {
    locale: "pt-BR",
    help: "Ajuda",
    close: "Fechar a ajuda",
    back: "Voltar",
    search: "Pesquisar artigos de ajuda",
    suggested: "Sugestões para esta página",
    searching: "Pesquisando…",
    one_result: "1 artigo encontrado.",
    results: "{} artigos encontrados.",
    no_results: "Nenhum artigo corresponde a “{}”.",
    unavailable: "Os artigos de ajuda estão indisponíveis no momento.",
    retry: "Tentar novamente",
    contact_support: "Falar com o suporte",
    sign_in_to_read: "Entre no painel para ler este artigo.",
    watch_video: "Assistir ao vídeo ({})",
    updated: "Atualizado em {}",
    open_in_help_center: "Abrir na central de ajuda",
    helpful: "Este artigo foi útil?",
    yes: "Sim",
    no: "Não",
    comment: "Conte-nos mais (opcional)",
    send: "Enviar",
    thanks: "Obrigado pelo seu feedback.",
    found_helpful: "{} de {} acharam isto útil",
    phone_hours: "Suporte por telefone",
    open_now: "Aberto agora: fecha às {} (em {})",
    closed: "Fechado: abre às {}",
    closed_for_now: "Fechado: nenhuma abertura prevista",
    week_hours: "{}, das {} às {}, no seu horário",
    weekdays: ["seg.", "ter.", "qua.", "qui.", "sex.", "sáb.", "dom."],
    every_day: "Todos os dias",
    phone_language: "O suporte por telefone é em {}.",
    tomorrow: "amanhã",
    time_zone: "Seu fuso horário",
    region: "Sua região",
    languages: "Idiomas: {}",
    toll_free: "gratuito",
    then_option: "depois escolha a opção {}",
    copy: "Copiar",
    copied: "Copiado",
    example_contact: "Contato de exemplo (dados fictícios)",
    your_sid: "Seu ID do site (SID)",
    sid_why: "Inclua-o em toda mensagem: o suporte encontra sua conta por ele.",
    sid_unknown: "Entre para ver seu SID no canto superior direito do painel.",
    email_support: "Enviar e-mail ao suporte",
    copy_details: "Copiar os detalhes do pedido",
    safe_senders: "Adicione {} aos remetentes confiáveis, para que a resposta não caia no spam.",
    closure: "Fechado em {}: {}",
    written_in: "Este artigo está em {}.",
};

/// The strings for `locale` (`fr-CA` gets French), English by default.
pub fn strings(locale: &str) -> &'static Strings {
    let lower = locale.to_ascii_lowercase();
    match lower.split(['-', '_']).next().unwrap_or("") {
        "fr" => &FR,
        "de" => &DE,
        "pt" => &PT_BR,
        _ => &EN,
    }
}

/// The name of a language, in the reader's language.
pub fn language_name(ui: &Strings, tag: &str) -> &'static str {
    let base = tag.split('-').next().unwrap_or(tag);
    match (ui.locale, base) {
        ("fr", "en") => "anglais",
        ("fr", "fr") => "français",
        ("fr", "de") => "allemand",
        ("fr", "pt") => "portugais du Brésil",
        ("de", "en") => "Englisch",
        ("de", "fr") => "Französisch",
        ("de", "de") => "Deutsch",
        ("de", "pt") => "brasilianisches Portugiesisch",
        ("pt-BR", "en") => "inglês",
        ("pt-BR", "fr") => "francês",
        ("pt-BR", "de") => "alemão",
        ("pt-BR", "pt") => "português do Brasil",
        (_, "fr") => "French",
        (_, "de") => "German",
        (_, "pt") => "Brazilian Portuguese",
        _ => "English",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locales_fall_back_to_english() {
        assert_eq!(strings("fr-CA").locale, "fr");
        assert_eq!(strings("pt-BR").locale, "pt-BR");
        assert_eq!(strings("de_AT").locale, "de");
        assert_eq!(strings("ja").locale, "en");
    }

    #[test]
    fn templates_take_their_arguments_in_order() {
        use help_core::template::fill;
        assert_eq!(
            fill(EN.open_now, &["21:00", "3 h 20 min"]),
            "Open now: closes at 21:00 (in 3 h 20 min)"
        );
        assert_eq!(
            fill(FR.found_helpful, &["6", "15"]),
            "6 personnes sur 15 ont trouvé cet article utile"
        );
        assert_eq!(fill("{} and {}", &["a"]), "a and ");
    }

    #[test]
    fn the_week_reads_in_each_language() {
        use help_core::support::DaySet;
        use help_core::template::fill;
        let mut weekdays = DaySet::default();
        (0..5).for_each(|d| weekdays.insert(d));
        let line = |s: &Strings, days: DaySet| {
            let days = days.describe(&s.weekdays, s.every_day);
            fill(s.week_hours, &[&days, "8:00", "17:00"])
        };
        assert_eq!(line(&EN, weekdays), "Mon–Fri, 8:00–17:00 your time");
        assert_eq!(
            line(&EN, DaySet::EVERY_DAY),
            "Every day, 8:00–17:00 your time"
        );
        assert_eq!(
            line(&FR, weekdays),
            "lun.–ven., de 8:00 à 17:00, heure locale"
        );
        assert_eq!(line(&DE, weekdays), "Mo–Fr, 8:00–17:00, Ihre Ortszeit");
        assert_eq!(
            line(&PT_BR, DaySet::EVERY_DAY),
            "Todos os dias, das 8:00 às 17:00, no seu horário"
        );
    }

    #[test]
    fn every_template_has_the_same_arguments_in_every_language() {
        let count = |s: &Strings| -> Vec<usize> {
            [
                s.results,
                s.no_results,
                s.watch_video,
                s.updated,
                s.found_helpful,
                s.open_now,
                s.closed,
                s.week_hours,
                s.phone_language,
                s.languages,
                s.then_option,
                s.safe_senders,
                s.closure,
                s.written_in,
            ]
            .iter()
            .map(|t| t.matches("{}").count())
            .collect()
        };
        for s in [&FR, &DE, &PT_BR] {
            assert_eq!(count(s), count(&EN), "{}", s.locale);
        }
    }
}
