//! The canteen's messages, in French then English: an enrolment recorded, weekdays changed. They
//! say what was chosen and the rules that follow from it, so the family has them in writing.

use passplus_validation::canteen::choices::{CanteenDay, Diet};
use passplus_validation::canteen::deadlines::WORKING_DAYS_BEFORE_A_MEAL;
use passplus_validation::canteen::price::{euros_en, euros_fr, PriceRule};
use passplus_validation::{Date, SchoolYear};

use crate::platform::mail::Email;

/// One pupil's line in a message.
pub struct Recorded<'a> {
    pub given_name: &'a str,
    pub weekdays: &'a [CanteenDay],
    pub diet: Diet,
    pub allergy_plan: bool,
}

fn days_fr(days: &[CanteenDay]) -> String {
    let names: Vec<&str> = days
        .iter()
        .map(|day| match day {
            CanteenDay::Monday => "lundi",
            CanteenDay::Tuesday => "mardi",
            CanteenDay::Wednesday => "mercredi",
            CanteenDay::Thursday => "jeudi",
            CanteenDay::Friday => "vendredi",
        })
        .collect();
    names.join(", ")
}

fn days_en(days: &[CanteenDay]) -> String {
    let names: Vec<&str> = days
        .iter()
        .map(|day| match day {
            CanteenDay::Monday => "Monday",
            CanteenDay::Tuesday => "Tuesday",
            CanteenDay::Wednesday => "Wednesday",
            CanteenDay::Thursday => "Thursday",
            CanteenDay::Friday => "Friday",
        })
        .collect();
    names.join(", ")
}

fn diet_fr(diet: Diet) -> &'static str {
    match diet {
        Diet::Standard => "standard",
        Diet::NoPork => "sans porc",
        Diet::NoMeat => "sans viande",
    }
}

fn diet_en(diet: Diet) -> &'static str {
    match diet {
        Diet::Standard => "standard",
        Diet::NoPork => "no pork",
        Diet::NoMeat => "no meat",
    }
}

fn date_fr(day: Date) -> String {
    format!("{:02}/{:02}/{}", day.day, day.month, day.year)
}

fn date_en(day: Date) -> String {
    format!(
        "{} {} {}",
        day.day,
        MONTHS_EN[day.month as usize - 1],
        day.year
    )
}

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The coefficient as a percentage: 5,000 millionths is `0,50 %` / `0.50%`.
fn coefficient(rule: PriceRule) -> (String, String) {
    let hundredths = rule.coefficient_millionths / 100;
    let whole = hundredths / 100;
    let rest = hundredths % 100;
    (
        format!("{whole},{rest:02} %"),
        format!("{whole}.{rest:02}%"),
    )
}

/// Sent once an enrolment of one or more pupils is recorded.
/// The dates an enrolment message states: the first meal reserved, and until when the weekdays
/// can change (`None` once that day has passed: they are then final).
pub struct EnrolmentDates {
    pub first_meal: Option<Date>,
    pub weekdays_until: Option<Date>,
}

pub fn enrolment_recorded(
    to: &str,
    school_year: SchoolYear,
    pupils: &[Recorded<'_>],
    rule: PriceRule,
    price_cents: u64,
    dates: EnrolmentDates,
    link: &str,
) -> Email {
    let (coefficient_fr, coefficient_en) = coefficient(rule);
    let lines_fr: String = pupils
        .iter()
        .map(|pupil| {
            format!(
                "- {} : {} ; repas {} ; PAI : {}\n",
                pupil.given_name,
                days_fr(pupil.weekdays),
                diet_fr(pupil.diet),
                if pupil.allergy_plan { "oui" } else { "non" }
            )
        })
        .collect();
    let lines_en: String = pupils
        .iter()
        .map(|pupil| {
            format!(
                "- {}: {}; {} meals; allergy care plan (PAI): {}\n",
                pupil.given_name,
                days_en(pupil.weekdays),
                diet_en(pupil.diet),
                if pupil.allergy_plan { "yes" } else { "no" }
            )
        })
        .collect();
    let days = WORKING_DAYS_BEFORE_A_MEAL;
    let (first_fr, first_en) = match dates.first_meal {
        Some(day) => (
            format!("Premier repas réservé : le {}. ", date_fr(day)),
            format!("First meal reserved: {}. ", date_en(day)),
        ),
        None => (String::new(), String::new()),
    };
    let (change_fr, change_en) = match dates.weekdays_until {
        Some(day) => (
            format!(
                "Vous pouvez changer les jours jusqu’au {} inclus",
                date_fr(day)
            ),
            format!("You can change the days until {} inclusive", date_en(day)),
        ),
        None => (
            "La date limite pour changer les jours est passée : pour les changer, adressez-vous \
             au collège"
                .to_owned(),
            "The deadline to change the days has passed: to change them, contact the collège"
                .to_owned(),
        ),
    };
    Email {
        to: to.to_owned(),
        subject: format!(
            "Pass+ : inscription à la cantine {school_year} enregistrée / canteen enrolment recorded"
        ),
        body: format!(
            "Bonjour,\n\n\
             L’inscription à la cantine pour l’année scolaire {school_year} est enregistrée :\n\n\
             {lines_fr}\n\
             Un repas est réservé chaque jour de classe de ces jours de la semaine, pour le reste \
             de l’année. {first_fr}{change_fr} ; un repas s’annule jusqu’à 23 h 59 (heure de \
             Paris) le {days}e jour ouvré qui le précède. Un repas réservé et non annulé à temps \
             est facturé.\n\n\
             Prix d’un repas : {coefficient_fr} du quotient familial mensuel (revenu fiscal de \
             référence ÷ nombre de parts ÷ 12), entre {min_fr} et {max_fr}. Aujourd’hui : {price_fr} \
             par repas ; tant que votre avis d’imposition n’est pas validé, le prix est le prix \
             plein.\n\n\
             Vos inscriptions : {link}\n\n\
             ---\n\n\
             Hello,\n\n\
             The canteen enrolment for the school year {school_year} is recorded:\n\n\
             {lines_en}\n\
             A meal is reserved on every school day of these weekdays, for the rest of the \
             year. {first_en}{change_en}; a meal can be cancelled until 23:59 (Paris time) on \
             the {days}rd working day before it. A meal reserved and not cancelled in time is \
             billed.\n\n\
             Price of a meal: {coefficient_en} of the monthly family quotient (reference tax \
             income ÷ tax parts ÷ 12), between {min_en} and {max_en}. Today: {price_en} a meal; \
             until your tax notice is validated, the price is the full price.\n\n\
             Your enrolments: {link}\n\n\
             Pass+ — Hauts-de-Seine et Yvelines\n",
            min_fr = euros_fr(rule.min_cents),
            max_fr = euros_fr(rule.max_cents),
            min_en = euros_en(rule.min_cents),
            max_en = euros_en(rule.max_cents),
            price_fr = euros_fr(price_cents),
            price_en = euros_en(price_cents),
        ),
    }
}

/// Sent once a pupil's weekdays are changed.
pub fn weekdays_changed(
    to: &str,
    school_year: SchoolYear,
    given_name: &str,
    weekdays: &[CanteenDay],
    first_day_changed: Option<Date>,
    link: &str,
) -> Email {
    let (from_fr, from_en) = match first_day_changed {
        Some(day) => (
            format!(" à partir du {}", date_fr(day)),
            format!(" from {}", date_en(day)),
        ),
        None => (String::new(), String::new()),
    };
    Email {
        to: to.to_owned(),
        subject: format!(
            "Pass+ : jours de cantine de {given_name} modifiés / canteen days changed"
        ),
        body: format!(
            "Bonjour,\n\n\
             Les jours de cantine de {given_name} pour l’année scolaire {school_year} sont \
             désormais{from_fr} : {days_fr}.\n\n\
             Vos inscriptions : {link}\n\n\
             ---\n\n\
             Hello,\n\n\
             {given_name}’s canteen days for the school year {school_year} are now{from_en}: \
             {days_en}.\n\n\
             Your enrolments: {link}\n\n\
             Pass+ — Hauts-de-Seine et Yvelines\n",
            days_fr = days_fr(weekdays),
            days_en = days_en(weekdays),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_enrolment_message_says_what_was_chosen_and_the_rules() {
        let email = enrolment_recorded(
            "famille@example.fr",
            SchoolYear { start_year: 2026 },
            &[Recorded {
                given_name: "Inès",
                weekdays: &[CanteenDay::Monday, CanteenDay::Thursday],
                diet: Diet::NoPork,
                allergy_plan: true,
            }],
            PriceRule::default(),
            700,
            EnrolmentDates {
                first_meal: Date::new(2026, 9, 3),
                weekdays_until: Date::new(2026, 9, 27),
            },
            "https://passplus.example/cantine",
        );
        for expected in [
            "Inès : lundi, jeudi ; repas sans porc ; PAI : oui",
            "Premier repas réservé : le 03/09/2026.",
            "jusqu’au 27/09/2026 inclus",
            "First meal reserved: 3 September 2026.",
            "0,50 % du quotient",
            "entre 0,64\u{a0}€ et 7,00\u{a0}€",
            "Aujourd’hui : 7,00\u{a0}€",
            "Inès: Monday, Thursday; no pork meals",
            "until 27 September 2026 inclusive",
        ] {
            assert!(email.body.contains(expected), "{expected}\n{}", email.body);
        }
    }

    #[test]
    fn after_the_deadline_the_message_says_the_days_are_final() {
        let email = enrolment_recorded(
            "famille@example.fr",
            SchoolYear { start_year: 2026 },
            &[],
            PriceRule::default(),
            700,
            EnrolmentDates {
                first_meal: Date::new(2026, 12, 7),
                weekdays_until: None,
            },
            "https://passplus.example/cantine",
        );
        assert!(email
            .body
            .contains("La date limite pour changer les jours est passée"));
        assert!(email
            .body
            .contains("The deadline to change the days has passed"));
        assert!(!email.body.contains("inclus"), "{}", email.body);
    }
}
