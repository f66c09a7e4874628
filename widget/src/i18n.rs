//! The panel's words in the four languages support speaks, and the help
//! center's own words over them.
//!
//! The language comes from `data-locale`, then `navigator.language`; a
//! regional variant gets its base language's table (`fr-CA` French), an
//! unknown language English. The `[strings]` tables of the bundle's
//! support data then apply over that table, in the order
//! `help_core::ui_strings::UiStrings::layers` gives ([`with_overrides`]):
//! that is how a help center gives the panel a language of its own.
//! Templates mark their arguments `{}` and are filled by
//! `help_core::template`; every string is shown as text, never markup.
//! Dates and numbers are not here: `Intl` formats them for the reader's
//! real locale.

use std::cell::RefCell;
use std::collections::HashMap;

use help_core::ui_strings::{UiStrings, base_language};

/// Every string the panel shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Strings {
    /// The locale tag these strings are for: the built-in table's, or the
    /// reader's when the help center gives strings in their language.
    pub locale: &'static str,
    /// The panel's title.
    pub help: &'static str,
    /// The close button's label.
    pub close: &'static str,
    /// The back button.
    pub back: &'static str,
    /// The search box's label and placeholder.
    pub search_placeholder: &'static str,
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
    /// The button under the results that lists more of them.
    pub show_more: &'static str,
    /// The bundle could not be loaded.
    pub unavailable: &'static str,
    /// The retry button.
    pub retry: &'static str,
    /// The link to the contact view.
    pub contact_support: &'static str,
    /// A signed-in article linked from a public one.
    pub sign_in_to_read: &'static str,
    /// The heading for an article id the help center lacks.
    pub not_found: &'static str,
    /// What to do about it: search or contact support.
    pub not_found_text: &'static str,
    /// The video link, with its length `{}`.
    pub watch_video: &'static str,
    /// Last updated on `{}`.
    pub updated: &'static str,
    /// The link to the article in the full help center.
    pub open_in_help_center: &'static str,
    /// The heading of a long article's table of contents.
    pub on_this_page: &'static str,
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
    /// Shown on return to an article the reader found helpful.
    pub voted_yes: &'static str,
    /// Shown on return to an article the reader did not find helpful.
    pub voted_no: &'static str,
    /// Lets the reader change their vote.
    pub change_vote: &'static str,
    /// The comment's label after a No.
    pub missing: &'static str,
    /// Offered beside Contact support after a No.
    pub still_stuck: &'static str,
    /// Closed today for the closure `{}`; opens `{}`.
    pub closed_today: &'static str,
    /// Closed for the closure `{}` (not today on the reader's calendar); opens `{}`.
    pub closed_for: &'static str,
    /// Tomorrow at `{}`.
    pub tomorrow_at: &'static str,
    /// At `{}` (today).
    pub at_time: &'static str,
    /// The time zone filter's label and placeholder.
    pub time_zone_search: &'static str,
    /// How many zones the filter leaves.
    pub time_zone_count: &'static str,
    /// The support email's subject without a SID.
    pub email_subject: &'static str,
    /// The support email's subject with the SID.
    pub email_subject_sid: &'static str,
    /// The email body's SID line.
    pub email_sid: &'static str,
    /// In the SID line when no SID is known.
    pub email_no_sid: &'static str,
    /// The email body's browser line.
    pub email_browser: &'static str,
    /// The email body's operating system line.
    pub email_os: &'static str,
    /// The email body's page line.
    pub email_page: &'static str,
    /// The email body's time line.
    pub email_time: &'static str,
    /// The email body's prompt for the steps.
    pub email_steps: &'static str,
    /// The email body's prompt for the error message.
    pub email_error: &'static str,
    /// The email body's last line.
    pub email_screenshot: &'static str,
    /// An article not translated yet: it is in `{}`.
    pub written_in: &'static str,
    /// Heading over the reader's recent searches.
    pub recent_searches: &'static str,
    /// Heading over the articles the reader opened lately.
    pub recently_read: &'static str,
    /// The visible text of a list's Clear button.
    pub clear: &'static str,
    /// The accessible name of the recent searches' Clear button.
    pub clear_recent_searches: &'static str,
    /// The accessible name of the recently read list's Clear button.
    pub clear_recently_read: &'static str,
    /// An article image's button: view `{}` (its alt text) full size.
    pub view_image: &'static str,
    /// Closes the full-size image.
    pub close_image: &'static str,
    /// Heading over the categories on the home view.
    pub browse_categories: &'static str,
    /// A category holding one article.
    pub one_article: &'static str,
    /// A category holding `{}` articles.
    pub articles: &'static str,
    /// Lists more of a category's articles.
    pub show_more_articles: &'static str,
    /// The accessible name of an article's category link.
    pub category: &'static str,
    /// Heading over an article's related articles.
    pub related_articles: &'static str,
}

/// [`Strings::by_key_mut`] for the listed fields, each by its own name:
/// the keys of `help_core::ui_strings::UI_STRINGS`.
macro_rules! by_key {
    ($($field:ident),* $(,)?) => {
        impl Strings {
            /// The string a `[strings]` key names, to replace it; `None`
            /// for a key the panel does not know.
            pub fn by_key_mut(&mut self, key: &str) -> Option<&mut &'static str> {
                match key {
                    $(stringify!($field) => Some(&mut self.$field),)*
                    _ => None,
                }
            }
        }
    };
}

by_key!(
    help,
    close,
    back,
    search_placeholder,
    suggested,
    searching,
    one_result,
    results,
    no_results,
    show_more,
    unavailable,
    retry,
    contact_support,
    sign_in_to_read,
    not_found,
    not_found_text,
    watch_video,
    updated,
    open_in_help_center,
    on_this_page,
    helpful,
    yes,
    no,
    comment,
    send,
    thanks,
    found_helpful,
    phone_hours,
    open_now,
    closed,
    closed_for_now,
    week_hours,
    every_day,
    phone_language,
    tomorrow,
    time_zone,
    region,
    languages,
    toll_free,
    then_option,
    copy,
    copied,
    example_contact,
    your_sid,
    sid_why,
    sid_unknown,
    email_support,
    copy_details,
    safe_senders,
    closure,
    voted_yes,
    voted_no,
    change_vote,
    missing,
    still_stuck,
    closed_today,
    closed_for,
    tomorrow_at,
    at_time,
    time_zone_search,
    time_zone_count,
    email_subject,
    email_subject_sid,
    email_sid,
    email_no_sid,
    email_browser,
    email_os,
    email_page,
    email_time,
    email_steps,
    email_error,
    email_screenshot,
    written_in,
    recent_searches,
    recently_read,
    clear,
    clear_recent_searches,
    clear_recently_read,
    view_image,
    close_image,
    browse_categories,
    one_article,
    articles,
    show_more_articles,
    category,
    related_articles,
);

/// English, the fallback.
pub const EN: Strings = Strings {
    locale: "en",
    help: "Help",
    close: "Close help",
    back: "Back",
    search_placeholder: "Search help articles",
    suggested: "Suggested for this page",
    searching: "Searching…",
    one_result: "1 article found.",
    results: "{} articles found.",
    no_results: "No articles match “{}”.",
    show_more: "Show more results",
    unavailable: "Help articles are unavailable right now.",
    retry: "Retry",
    contact_support: "Contact support",
    sign_in_to_read: "Sign in to the dashboard to read this article.",
    not_found: "Article not found",
    not_found_text: "This article may have moved or been removed. Search for what you need, or contact support.",
    watch_video: "Watch the video ({})",
    updated: "Updated {}",
    open_in_help_center: "Open in the help center",
    on_this_page: "On this page",
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
    voted_yes: "You found this helpful",
    voted_no: "You did not find this helpful",
    change_vote: "Change",
    missing: "What was missing? (optional)",
    still_stuck: "Still stuck? Our support team can help.",
    closed_today: "Closed today for {} · opens {}",
    closed_for: "Closed for {} · opens {}",
    tomorrow_at: "tomorrow at {}",
    at_time: "at {}",
    time_zone_search: "Search time zones",
    time_zone_count: "{} time zones",
    email_subject: "Support request",
    email_subject_sid: "Support request (SID {})",
    email_sid: "Site ID (SID): {}",
    email_no_sid: "(please add)",
    email_browser: "Browser: {}",
    email_os: "Operating system: {}",
    email_page: "Page: {}",
    email_time: "Time: {}",
    email_steps: "What I did, step by step:",
    email_error: "The error message I see:",
    email_screenshot: "(Attach a screenshot if you can.)",
    written_in: "This article is in {}.",
    recent_searches: "Recent searches",
    recently_read: "Recently read",
    clear: "Clear",
    clear_recent_searches: "Clear recent searches",
    clear_recently_read: "Clear recently read articles",
    view_image: "View image full size: {}",
    close_image: "Close image",
    browse_categories: "Browse by category",
    one_article: "1 article",
    articles: "{} articles",
    show_more_articles: "Show more articles",
    category: "Category",
    related_articles: "Related articles",
};

/// French.
pub const FR: Strings = Strings {
    locale: "fr",
    help: "Aide",
    close: "Fermer l’aide",
    back: "Retour",
    search_placeholder: "Rechercher dans l’aide",
    suggested: "Suggestions pour cette page",
    searching: "Recherche…",
    one_result: "1 article trouvé.",
    results: "{} articles trouvés.",
    no_results: "Aucun article ne correspond à « {} ».",
    show_more: "Afficher plus de résultats",
    unavailable: "Les articles d’aide sont indisponibles pour le moment.",
    retry: "Réessayer",
    contact_support: "Contacter le support",
    sign_in_to_read: "Connectez-vous au tableau de bord pour lire cet article.",
    not_found: "Article introuvable",
    not_found_text: "Cet article a peut-être été déplacé ou supprimé. Cherchez ce qu’il vous faut, ou contactez le support.",
    watch_video: "Voir la vidéo ({})",
    updated: "Mis à jour le {}",
    open_in_help_center: "Ouvrir dans le centre d’aide",
    on_this_page: "Sur cette page",
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
    voted_yes: "Vous avez trouvé cet article utile",
    voted_no: "Vous n’avez pas trouvé cet article utile",
    change_vote: "Modifier",
    missing: "Que manquait-il ? (facultatif)",
    still_stuck: "Toujours bloqué ? Notre équipe support peut vous aider.",
    closed_today: "Fermé aujourd’hui ({}) · ouvre {}",
    closed_for: "Fermé ({}) · ouvre {}",
    tomorrow_at: "demain à {}",
    at_time: "à {}",
    time_zone_search: "Rechercher un fuseau horaire",
    time_zone_count: "{} fuseaux horaires",
    email_subject: "Demande d’assistance",
    email_subject_sid: "Demande d’assistance (SID {})",
    email_sid: "Identifiant de site (SID) : {}",
    email_no_sid: "(à compléter)",
    email_browser: "Navigateur : {}",
    email_os: "Système d’exploitation : {}",
    email_page: "Page : {}",
    email_time: "Heure : {}",
    email_steps: "Ce que j’ai fait, étape par étape :",
    email_error: "Le message d’erreur affiché :",
    email_screenshot: "(Joignez une capture d’écran si possible.)",
    written_in: "Cet article est en {}.",
    recent_searches: "Recherches récentes",
    recently_read: "Lus récemment",
    clear: "Effacer",
    clear_recent_searches: "Effacer les recherches récentes",
    clear_recently_read: "Effacer les articles lus récemment",
    view_image: "Voir l’image en grand : {}",
    close_image: "Fermer l’image",
    browse_categories: "Parcourir par catégorie",
    one_article: "1 article",
    articles: "{} articles",
    show_more_articles: "Afficher plus d’articles",
    category: "Catégorie",
    related_articles: "Articles connexes",
};

/// German.
pub const DE: Strings = Strings {
    locale: "de",
    help: "Hilfe",
    close: "Hilfe schließen",
    back: "Zurück",
    search_placeholder: "Hilfeartikel durchsuchen",
    suggested: "Vorschläge für diese Seite",
    searching: "Suche läuft…",
    one_result: "1 Artikel gefunden.",
    results: "{} Artikel gefunden.",
    no_results: "Keine Artikel zu „{}“.",
    show_more: "Weitere Ergebnisse anzeigen",
    unavailable: "Die Hilfeartikel sind gerade nicht erreichbar.",
    retry: "Erneut versuchen",
    contact_support: "Support kontaktieren",
    sign_in_to_read: "Melden Sie sich im Dashboard an, um diesen Artikel zu lesen.",
    not_found: "Artikel nicht gefunden",
    not_found_text: "Dieser Artikel wurde vielleicht verschoben oder entfernt. Suchen Sie, was Sie brauchen, oder kontaktieren Sie den Support.",
    watch_video: "Video ansehen ({})",
    updated: "Aktualisiert am {}",
    open_in_help_center: "Im Hilfe-Center öffnen",
    on_this_page: "Auf dieser Seite",
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
    voted_yes: "Sie fanden diesen Artikel hilfreich",
    voted_no: "Sie fanden diesen Artikel nicht hilfreich",
    change_vote: "Ändern",
    missing: "Was hat gefehlt? (optional)",
    still_stuck: "Kommen Sie nicht weiter? Unser Support-Team hilft Ihnen.",
    closed_today: "Heute geschlossen ({}) · öffnet {}",
    closed_for: "Geschlossen ({}) · öffnet {}",
    tomorrow_at: "morgen um {}",
    at_time: "um {}",
    time_zone_search: "Zeitzone suchen",
    time_zone_count: "{} Zeitzonen",
    email_subject: "Supportanfrage",
    email_subject_sid: "Supportanfrage (SID {})",
    email_sid: "Site-ID (SID): {}",
    email_no_sid: "(bitte ergänzen)",
    email_browser: "Browser: {}",
    email_os: "Betriebssystem: {}",
    email_page: "Seite: {}",
    email_time: "Zeit: {}",
    email_steps: "Was ich getan habe, Schritt für Schritt:",
    email_error: "Die Fehlermeldung, die ich sehe:",
    email_screenshot: "(Fügen Sie nach Möglichkeit einen Screenshot bei.)",
    written_in: "Dieser Artikel ist auf {}.",
    recent_searches: "Letzte Suchen",
    recently_read: "Zuletzt gelesen",
    clear: "Löschen",
    clear_recent_searches: "Letzte Suchen löschen",
    clear_recently_read: "Zuletzt gelesene Artikel löschen",
    view_image: "Bild in voller Größe ansehen: {}",
    close_image: "Bild schließen",
    browse_categories: "Nach Kategorie stöbern",
    one_article: "1 Artikel",
    articles: "{} Artikel",
    show_more_articles: "Weitere Artikel anzeigen",
    category: "Kategorie",
    related_articles: "Ähnliche Artikel",
};

/// Brazilian Portuguese.
pub const PT_BR: Strings = Strings {
    locale: "pt-BR",
    help: "Ajuda",
    close: "Fechar a ajuda",
    back: "Voltar",
    search_placeholder: "Pesquisar artigos de ajuda",
    suggested: "Sugestões para esta página",
    searching: "Pesquisando…",
    one_result: "1 artigo encontrado.",
    results: "{} artigos encontrados.",
    no_results: "Nenhum artigo corresponde a “{}”.",
    show_more: "Mostrar mais resultados",
    unavailable: "Os artigos de ajuda estão indisponíveis no momento.",
    retry: "Tentar novamente",
    contact_support: "Falar com o suporte",
    sign_in_to_read: "Entre no painel para ler este artigo.",
    not_found: "Artigo não encontrado",
    not_found_text: "Este artigo pode ter sido movido ou removido. Pesquise o que precisa ou fale com o suporte.",
    watch_video: "Assistir ao vídeo ({})",
    updated: "Atualizado em {}",
    open_in_help_center: "Abrir na central de ajuda",
    on_this_page: "Nesta página",
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
    voted_yes: "Você achou este artigo útil",
    voted_no: "Você não achou este artigo útil",
    change_vote: "Alterar",
    missing: "O que faltou? (opcional)",
    still_stuck: "Ainda com dúvidas? Nossa equipe de suporte pode ajudar.",
    closed_today: "Fechado hoje ({}) · abre {}",
    closed_for: "Fechado ({}) · abre {}",
    tomorrow_at: "amanhã às {}",
    at_time: "às {}",
    time_zone_search: "Pesquisar fuso horário",
    time_zone_count: "{} fusos horários",
    email_subject: "Solicitação de suporte",
    email_subject_sid: "Solicitação de suporte (SID {})",
    email_sid: "ID do site (SID): {}",
    email_no_sid: "(adicione, por favor)",
    email_browser: "Navegador: {}",
    email_os: "Sistema operacional: {}",
    email_page: "Página: {}",
    email_time: "Horário: {}",
    email_steps: "O que eu fiz, passo a passo:",
    email_error: "A mensagem de erro que vejo:",
    email_screenshot: "(Anexe uma captura de tela, se puder.)",
    written_in: "Este artigo está em {}.",
    recent_searches: "Pesquisas recentes",
    recently_read: "Lidos recentemente",
    clear: "Limpar",
    clear_recent_searches: "Limpar pesquisas recentes",
    clear_recently_read: "Limpar artigos lidos recentemente",
    view_image: "Ver imagem em tamanho real: {}",
    close_image: "Fechar imagem",
    browse_categories: "Navegar por categoria",
    one_article: "1 artigo",
    articles: "{} artigos",
    show_more_articles: "Mostrar mais artigos",
    category: "Categoria",
    related_articles: "Artigos relacionados",
};

/// The built-in strings for `locale` (`fr-CA` gets French), English by
/// default.
pub fn strings(locale: &str) -> &'static Strings {
    match base_language(locale).as_str() {
        "fr" => &FR,
        "de" => &DE,
        "pt" => &PT_BR,
        _ => &EN,
    }
}

thread_local! {
    /// Tables made by [`with_overrides`], by reader locale and overrides.
    static MADE: RefCell<HashMap<String, &'static Strings>> = RefCell::new(HashMap::new());
}

/// The strings for a reader of `locale`: the built-in table, with the help
/// center's `overrides` that apply to them over it. A key the panel does
/// not know is skipped (the builder refuses them).
///
/// The made table lives as long as the page, like the built-in ones, and
/// is made once for each locale and set of overrides.
pub fn with_overrides(locale: &str, overrides: &UiStrings) -> &'static Strings {
    let table = strings(locale);
    let layers = overrides.layers(locale, table.locale);
    if layers.is_empty() {
        return table;
    }
    let key = format!("{locale}\u{0}{layers:?}");
    if let Some(made) = MADE.with_borrow(|m| m.get(&key).copied()) {
        return made;
    }
    let mut made = table.clone();
    let reader_language = base_language(locale);
    for (tag, texts) in layers {
        for (key, text) in texts {
            if let Some(slot) = made.by_key_mut(key) {
                *slot = String::leak(text.clone());
            }
        }
        if base_language(tag) == reader_language && !texts.is_empty() {
            made.locale = String::leak(tag.to_string());
        }
    }
    let made: &'static Strings = Box::leak(Box::new(made));
    MADE.with_borrow_mut(|m| m.insert(key, made));
    made
}

/// The name of a language in the panel's language, from the table below,
/// else from the browser's `Intl.DisplayNames`, else the tag itself.
pub fn language_name(ui: &Strings, tag: &str) -> &'static str {
    known_language_name(ui.locale, tag)
        .unwrap_or_else(|| crate::intl::language_name(ui.locale, tag))
}

/// The name of a language the widget has a table for, in the language of
/// another it has a table for.
fn known_language_name(ui_locale: &str, tag: &str) -> Option<&'static str> {
    Some(
        match (
            base_language(ui_locale).as_str(),
            base_language(tag).as_str(),
        ) {
            ("fr", "en") => "anglais",
            ("fr", "fr") => "français",
            ("fr", "de") => "allemand",
            ("fr", "pt") => "portugais du Brésil",
            ("de", "en") => "Englisch",
            ("de", "fr") => "Französisch",
            ("de", "de") => "Deutsch",
            ("de", "pt") => "brasilianisches Portugiesisch",
            ("pt", "en") => "inglês",
            ("pt", "fr") => "francês",
            ("pt", "de") => "alemão",
            ("pt", "pt") => "português do Brasil",
            ("en", "en") => "English",
            ("en", "fr") => "French",
            ("en", "de") => "German",
            ("en", "pt") => "Brazilian Portuguese",
            _ => return None,
        },
    )
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
    fn every_ui_string_key_names_its_own_field_and_every_field_has_a_key() {
        use help_core::ui_strings::UI_STRINGS;
        let mut marked = EN.clone();
        for (i, string) in UI_STRINGS.iter().enumerate() {
            let slot = marked.by_key_mut(string.key);
            *slot.unwrap_or_else(|| panic!("no field for `{}`", string.key)) =
                String::leak(format!("#{i}#"));
        }
        let debug = format!("{marked:?}");
        for i in 0..UI_STRINGS.len() {
            assert!(debug.contains(&format!("\"#{i}#\"")), "{debug}");
        }
        // Every field but `locale` was reached by a key.
        assert_eq!(
            debug.matches(": \"").count(),
            UI_STRINGS.len() + 1,
            "{debug}"
        );
        assert_eq!(EN.clone().by_key_mut("locale"), None);
    }

    #[test]
    fn every_template_takes_the_arguments_core_lists() {
        use help_core::ui_strings::UI_STRINGS;
        for table in [&EN, &FR, &DE, &PT_BR] {
            let mut table = table.clone();
            for string in UI_STRINGS {
                let text = *table.by_key_mut(string.key).unwrap();
                assert_eq!(
                    help_core::ui_strings::check_string(string.key, text),
                    Ok(()),
                    "{}",
                    table.locale
                );
            }
        }
    }

    #[test]
    fn the_content_readme_gives_every_strings_english_text() {
        let readme = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../examples/help-center/README.md"
        );
        let text = std::fs::read_to_string(readme).unwrap();
        let section = text.split_once("## UI strings\n").unwrap().1;
        let mut en = EN.clone();
        let mut rows = 0;
        for line in section.lines().filter(|l| l.starts_with("| `")) {
            let cells: Vec<&str> = line.split('|').map(str::trim).collect();
            let key = cells[1].trim_matches('`');
            let english = en.by_key_mut(key).map(|s| *s);
            assert_eq!(english, Some(cells[3]), "{key}");
            rows += 1;
        }
        assert_eq!(rows, help_core::ui_strings::UI_STRINGS.len());
    }

    #[test]
    fn overrides_apply_over_the_table_the_reader_gets() {
        let overrides: UiStrings = serde_json::from_str(
            r#"{"en": {"help": "Support"}, "es": {"search_placeholder": "Buscar", "results": "{} artículos"},
                "fr-CA": {"send": "Soumettre"}}"#,
        )
        .unwrap();
        let es = with_overrides("es-MX", &overrides);
        assert_eq!(es.search_placeholder, "Buscar");
        assert_eq!(es.results, "{} artículos");
        assert_eq!(es.help, "Support");
        assert_eq!(es.retry, EN.retry);
        assert_eq!(es.locale, "es");
        assert!(std::ptr::eq(es, with_overrides("es-MX", &overrides)));
        let en = with_overrides("en-US", &overrides);
        assert_eq!(
            (en.help, en.search_placeholder, en.locale),
            ("Support", EN.search_placeholder, "en")
        );
        let fr_ca = with_overrides("fr-CA", &overrides);
        assert_eq!(
            (fr_ca.send, fr_ca.help, fr_ca.locale),
            ("Soumettre", FR.help, "fr-CA")
        );
        assert_eq!(*with_overrides("fr", &overrides), FR);
        assert_eq!(*with_overrides("es", &UiStrings::default()), EN);
    }

    #[test]
    fn known_languages_are_named_in_the_panels_language() {
        assert_eq!(
            known_language_name("fr-CA", "pt-BR"),
            Some("portugais du Brésil")
        );
        assert_eq!(known_language_name("en", "de"), Some("German"));
        assert_eq!(known_language_name("pt-BR", "en"), Some("inglês"));
        assert_eq!(known_language_name("en", "es"), None);
        assert_eq!(known_language_name("es", "en"), None);
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
