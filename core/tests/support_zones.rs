//! Support hours in every IANA time zone, for every hour of a whole year,
//! checked against chrono-tz: the status, the next change, and that change
//! on the reader's wall clock (across DST changes and odd offsets such as
//! +05:30, +05:45 and -03:30).

use chrono::{DateTime, Offset, TimeZone, Utc};
use chrono_tz::{TZ_VARIANTS, Tz};
use help_core::support::{Hours, RequestHelp, Status, SupportData, WEEKDAYS, local_time};

const HOUR_MS: i64 = 3_600_000;

fn every_day() -> SupportData {
    SupportData {
        hours: Hours {
            opens: "09:00".into(),
            closes: "02:00".into(),
            days: WEEKDAYS.iter().map(|d| d.to_string()).collect(),
            language: "en".into(),
        },
        closures: vec![],
        regions: vec![],
        request: RequestHelp {
            safe_sender_domain: "example.com".into(),
        },
        strings: Default::default(),
    }
}

fn utc(ms: i64) -> DateTime<Utc> {
    DateTime::from_timestamp_millis(ms).unwrap()
}

/// The next instant after `t` whose UTC time of day is `hour`:00.
fn next_utc_hour(t: i64, hour: i64) -> i64 {
    let day = t.div_euclid(24 * HOUR_MS) * 24 * HOUR_MS;
    let today = day + hour * HOUR_MS;
    if today > t {
        today
    } else {
        today + 24 * HOUR_MS
    }
}

#[test]
fn every_zone_every_hour_of_2026() {
    let data = every_day();
    let start = Utc
        .with_ymd_and_hms(2026, 1, 1, 0, 17, 0)
        .unwrap()
        .timestamp_millis();
    let mut checked = 0u64;
    for &tz in TZ_VARIANTS.iter() {
        let offset = |t: i64| -> i32 {
            tz.offset_from_utc_datetime(&utc(t).naive_utc())
                .fix()
                .local_minus_utc()
                / 60
        };
        for hour in 0..365 * 24 {
            let now = start + hour * HOUR_MS;
            let utc_hour = utc(now).format("%H").to_string().parse::<i64>().unwrap();
            let open = !(2..9).contains(&utc_hour);
            let (status, change) = match data.status(now) {
                Status::Open { closes } => (true, closes),
                Status::Closed { opens } => (false, opens.expect("opens every day")),
            };
            assert_eq!(status, open, "{tz} at {}", utc(now));
            let expected = next_utc_hour(now, if open { 2 } else { 9 });
            assert_eq!(change, expected, "{tz} at {}", utc(now));

            let shown = local_time(change, now, &offset);
            let local_change = utc(change).with_timezone(&tz);
            let local_now = utc(now).with_timezone(&tz);
            let want_day = (local_change.date_naive() - local_now.date_naive()).num_days();
            let got = (shown.hour, shown.minute, shown.day_offset);
            let want = (
                local_change.format("%H").to_string().parse().unwrap(),
                local_change.format("%M").to_string().parse().unwrap(),
                want_day,
            );
            assert_eq!(
                got,
                want,
                "{tz}: change at {} seen from {}",
                utc(change),
                utc(now)
            );
            checked += 1;
        }
    }
    assert!(checked > 3_000_000, "{checked}");
}

#[test]
fn berlin_on_both_sides_of_its_spring_change() {
    let data = every_day();
    let tz: Tz = "Europe/Berlin".parse().unwrap();
    let offset = |t: i64| {
        tz.offset_from_utc_datetime(&utc(t).naive_utc())
            .fix()
            .local_minus_utc()
            / 60
    };
    // Saturday 28 March 2026, 22:00 UTC (23:00 CET): open; closes 02:00 UTC,
    // which is 04:00 CEST on Sunday, after clocks went forward at 01:00 UTC.
    let now = Utc
        .with_ymd_and_hms(2026, 3, 28, 22, 0, 0)
        .unwrap()
        .timestamp_millis();
    let Status::Open { closes } = data.status(now) else {
        panic!("open")
    };
    let t = local_time(closes, now, &offset);
    assert_eq!((t.hour, t.minute, t.day_offset), (4, 0, 1));
    // A week earlier the same closing was 03:00 local.
    let before = now - 7 * 24 * HOUR_MS;
    let Status::Open { closes } = data.status(before) else {
        panic!("open")
    };
    let t = local_time(closes, before, &offset);
    assert_eq!((t.hour, t.minute, t.day_offset), (3, 0, 1));
}
