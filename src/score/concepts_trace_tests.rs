//! How deep a trace goes and what counts as data, found on blind sets: a
//! chain that never gets past people's slips stops at the first cause,
//! however many sentences it takes; anyone's "because" links a cause the
//! speaker tells, but not the reason someone got in touch; "I looked into
//! it" is data only with records or figures in it. A guard told doing its
//! work ("the gate diverts her milk") is in place; a promise to watch
//! something every morning is willpower; "why did nobody notice?" asks,
//! it does not shrug. Every sentence here was written for these tests.

use super::SignalId;
use super::test_support::{hit, mistake_for, points, story};

const BILLS: &str = "I led billing operations at a water company with 180,000 homes. In one \
                     quarter estimated bills doubled to 1,400.";
const END: &str = "Estimated bills fell from 11% to 3% of reads within two quarters.";

fn dig(middle: &str) -> f64 {
    let r = story("dive_deep", &format!("{BILLS} {middle} {END}"));
    points(&r, SignalId::RootCause)
}

#[test]
fn a_chain_of_slips_stops_at_the_first_cause_and_a_chain_to_the_system_goes_deep() {
    let slips = [
        "I looked into it and found a meter reader new in the job had been skipping streets. \
         He simply had not been completing his round. I had his supervisor go through it with \
         him.",
        "I checked the routes and found the reader on the estates had missed his visits. He \
         had not been doing the gated roads at all, because he kept running late. I gave him \
         a refresher.",
    ];
    let systems = [
        "I asked why he was skipping them. His route ran through gated estates and he had no \
         access codes. Why had he none? The codes sat in the last reader's own spreadsheet, \
         because the route system had no field for access notes. I had the field added.",
        "I looked into why. The gated estates were skipped because he had no codes. That was \
         because the codes were never loaded into the handheld, and nobody owned loading \
         them. I had the handheld take them from one list.",
    ];
    for s in systems {
        for p in slips {
            assert!(
                dig(s) > dig(p),
                "slip chain {} not below system chain {}:\n{p}\n{s}",
                dig(p),
                dig(s)
            );
        }
    }
}

#[test]
fn someone_elses_because_links_a_cause_but_their_reason_for_writing_does_not() {
    let why = "I rode with the drivers for two shifts. They waited at the belt because their \
               target counted full carts per hour. Then why did that suddenly matter? In \
               April the connection time was cut to 45 minutes, but the contract was written \
               for 60, and nobody owned checking it.";
    assert!(dig(why) > 0.0, "a told cause chain earned nothing");
    let wrote = "A customer emailed me because her bill was wrong. A second one rang because \
                 he had been estimated twice. I answered both.";
    assert!(dig(wrote) == 0.0, "a reason for writing counted as a cause");
}

#[test]
fn looking_into_it_is_data_only_with_records_in_it() {
    let data = |middle: &str| {
        let r = story("dive_deep", &format!("{BILLS} {middle} {END}"));
        points(&r, SignalId::DataDriven)
    };
    assert!(data("I pulled the scan data for all 212 routes and sorted it by estate.") > 0.0);
    for vague in [
        "I looked into it and found the homes were being billed on estimates.",
        "I paired the new reader with our most experienced one for two weeks of shifts.",
    ] {
        assert!(data(vague) == 0.0, "counted as data: {vague}");
    }
}

const TANK: &str = "I manage the milking on a dairy farm of 300 cows. In March a tanker load \
                    tested positive for antibiotics because a treated cow was milked into the \
                    main line, and I had not checked the treatment board that morning.";

#[test]
fn a_guard_told_doing_its_work_is_in_place_and_a_promise_to_watch_is_willpower() {
    let at_work = [
        "I set up the treatment module, and now the parlour gate diverts a treated cow's milk \
         to the dump line until her withdrawal date passes.",
        "I linked the treatment records to the parlour, and the line lock now holds back any \
         cow on the list.",
    ];
    for fix in at_work {
        let r = mistake_for("ownership", &format!("{TANK} {fix}"));
        assert!(hit(&r, SignalId::MechanismFix), "guard missed: {fix}");
    }
    let condition = mistake_for(
        "ownership",
        &format!("{TANK} I go through the board with the milkers whenever a policy changes."),
    );
    assert!(!hit(&condition, SignalId::MechanismFix));
    let promise = mistake_for(
        "ownership",
        &format!(
            "{TANK} I apologised to the co-op and promised to look at the board every \
                  morning from now on."
        ),
    );
    assert!(hit(&promise, SignalId::WillpowerFix));
}

#[test]
fn asking_why_nobody_noticed_is_digging_not_a_shrug() {
    let asked = mistake_for(
        "ownership",
        &format!(
            "{TANK} Why did nobody notice? Because the board sat in the office and the \
                  parlour had no list of its own."
        ),
    );
    assert!(!hit(&asked, SignalId::GoodEnough));
    let shrug = story(
        "insist_on_the_highest_standards",
        "I ran the print shop at a college. The new menus went out with the wrong prices on \
         the back page, but nobody noticed, so we left it until the next print run.",
    );
    assert!(hit(&shrug, SignalId::GoodEnough));
}

#[test]
fn a_role_named_after_data_is_not_data_used() {
    let r = story(
        "earn_trust",
        "I managed outpatient letters at a district hospital. A mail merge shifted by one \
         row, so 180 patients received the next person's letter. Within the hour I briefed \
         our data protection officer and the data entry team lead.",
    );
    assert!(!hit(&r, SignalId::DataDriven));
}

#[test]
fn a_guard_now_standing_is_in_place_and_a_rule_of_the_setting_is_not() {
    let slip = "I supervise nights on a surgical ward of 28 beds. In March I moved a patient \
                to bed 9 but left the board showing bed 4, and her antibiotics went to the \
                wrong bed.";
    for fix in [
        "I asked IT for a change, and now a bed move can't be closed on the tablet until the \
         board location is confirmed.",
        "I had the engineer fit a board alarm, and the tablet now won't close a move if the \
         board still shows the old bed.",
    ] {
        let r = mistake_for("ownership", &format!("{slip} {fix}"));
        assert!(hit(&r, SignalId::MechanismFix), "guard missed: {fix}");
    }
    let setting = mistake_for(
        "ownership",
        "On our ward a bed move can't be closed until the nurse in charge signs it. In March I \
         moved a patient to bed 9 but forgot to update the board, and her antibiotics went to \
         the wrong bed. I apologised to her and to the pharmacist.",
    );
    assert!(!hit(&setting, SignalId::MechanismFix));
}

#[test]
fn the_speakers_own_checking_as_a_habit_is_willpower() {
    let slip = "I run the sample log-in at a water lab. In May I loaded two racks in the wrong \
                order and a boil-water notice nearly went to the wrong village.";
    for habit in [
        "Since then I go through each rack against the worklist twice before it goes in.",
        "Every Monday I walk the whole store and read every rack tag myself.",
        "I've been going up to check the racks myself on Sundays when I can.",
        "Since then I look at every rack sheet myself on every single shift.",
        "I label every rack the moment I start loading it, however busy it gets.",
    ] {
        let r = mistake_for("ownership", &format!("{slip} {habit}"));
        assert!(hit(&r, SignalId::WillpowerFix), "missed: {habit}");
        assert!(
            !hit(&r, SignalId::MechanismFix),
            "a habit as a mechanism: {habit}"
        );
    }
    // A label that does the work is a mechanism.
    let fixed = mistake_for(
        "ownership",
        &format!(
            "{slip} I got the loader set up so it now refuses a rack out of order, and the \
             racks now have colour-coded caps."
        ),
    );
    assert!(hit(&fixed, SignalId::MechanismFix));
    let told = mistake_for(
        "ownership",
        &format!("{slip} I phoned the water board myself to walk them through it."),
    );
    assert!(!hit(&told, SignalId::WillpowerFix));
}

#[test]
fn causes_named_as_such_in_the_plural_are_a_root_cause() {
    for named in [
        "The actual causes: meter readers had no tablets on the new estates, the estimate \
         rule used last year's reads, and nothing checked an estimate against the last bill.",
        "The underlying causes were two: the estimate rule used last year's reads, and no \
         step compared an estimate with the previous bill.",
    ] {
        assert!(dig(named) > 0.0, "root cause missed: {named}");
    }
}

/// Root cause for a mistake told in `middle`, between a set-up and a
/// measured result, in a hospital pharmacy.
fn pharmacy_trace(middle: &str) -> bool {
    let text = format!(
        "I was a pharmacy technician making up syringes for the children's ward. I labelled \
         a batch of six with ten times the right strength, because I took the label from the \
         print queue without comparing it to the worksheet. {middle} In the year since, the \
         scan has stopped three mismatched labels."
    );
    hit(&mistake_for("ownership", &text), SignalId::RootCause)
}

#[test]
fn a_dig_that_finds_how_things_stood_goes_past_the_first_cause() {
    for found in [
        "Then I looked at why it had been so easy to do. Both strengths printed from one \
         template where strength was typed by hand, and the queue kept the last one typed.",
        "I went back over how the labels get made. Every strength came off a single template \
         with a free-text box, and the printer reused whatever was typed last.",
        "I pulled a month of print logs and sorted them by template. Nine in ten labels for \
         that drug came from one shared template whose strength box was typed by hand.",
    ] {
        assert!(
            pharmacy_trace(found),
            "a dig and its finding earned nothing:\n{found}"
        );
    }
    for none in [
        "Then I looked at why it had been so easy to do. I told the ward and filed the \
         incident report.",
        "I went back over how the labels get made, and I promised the ward manager it would \
         not happen again.",
    ] {
        assert!(
            !pharmacy_trace(none),
            "a dig that found nothing earned root cause:\n{none}"
        );
    }
}

#[test]
fn a_cause_named_must_say_what_it_was_and_not_stop_at_a_slip() {
    for said in [
        "The underlying problem was that the label system carried no link to the worksheet, \
         so any strength could print.",
        "I looked at why I could do it alone: any technician could print a label without a \
         second person scanning the worksheet.",
        "The real cause was that the two strengths shared one template with a typed field.",
    ] {
        assert!(
            pharmacy_trace(said),
            "a cause named in plain words earned nothing:\n{said}"
        );
    }
    for unsaid in [
        "So the root cause was operator error by a tired technician at the end of a shift.",
        "I ran a root cause analysis with the pharmacy team and shared the findings widely.",
        "The underlying problem was that I made a careless mistake at the end of a shift.",
    ] {
        assert!(
            !pharmacy_trace(unsaid),
            "no cause named, yet root cause:\n{unsaid}"
        );
    }
}

#[test]
fn moving_things_or_asking_others_to_look_is_no_dig() {
    for errand in [
        "I reminded the whole team to read every label properly before they sign. The ward \
         got an apology from me the same day.",
        "I pulled the batch off the ward shelves. Six syringes came back, all unused.",
    ] {
        assert!(
            !pharmacy_trace(errand),
            "an errand counted as a dig:\n{errand}"
        );
    }
}

#[test]
fn questions_the_speaker_asks_and_answers_trace_the_cause() {
    for asked in [
        "So who had printed it? The label came from a template another site had shared, and \
         nobody had checked its strength field. How had that template reached us? It had \
         been copied into our system during the upgrade, because no one owned the template \
         list.",
        "Where did the wrong strength come from? The template had a typed field with the last \
         value kept. And what let that through? There was no scan of the worksheet before \
         printing, because the scanner had never been linked.",
    ] {
        assert!(
            pharmacy_trace(asked),
            "questions asked and answered earned nothing:\n{asked}"
        );
    }
    let lesson = "What did I learn? I had to slow down and compare every label with the \
                  worksheet.";
    assert!(
        !pharmacy_trace(lesson),
        "a lesson asked for read as a cause traced"
    );
}

#[test]
fn a_root_cause_that_is_the_speakers_slip_is_the_first_cause_however_it_is_called() {
    let frame = |middle: &str| {
        let text = format!(
            "I teach Year 9 science and compile the term reports. Last December 28 families \
             got reports with the chemistry and physics marks swapped. {middle} The spring \
             reports went out with no mismatches."
        );
        points(&mistake_for("ownership", &text), SignalId::RootCause)
    };
    let system = frame(
        "The immediate cause was me: I pasted the marks without checking the headers. But \
         what was different this time? The template's columns had swapped order, because \
         nobody owned the template after the data manager left.",
    );
    for slip in [
        "The root cause was me: I pasted the marks in a hurry and didn't check the headers. \
         After that I compared every column with my gradebook before sending.",
        "The real cause was my own carelessness: I rushed the paste and never checked the \
         headers, and I compared every column against the gradebook after that.",
        "I dug into the data by class and by teacher, and the root cause came out clearly: the \
         newer teachers weren't entering their marks properly.",
        "I did a proper root cause analysis: I pulled every report, compared the columns with \
         the gradebooks and sat with each teacher for an hour.",
    ] {
        assert!(
            frame(slip) < system,
            "a slip called the root cause ({}) not below a traced chain ({system}):\n{slip}",
            frame(slip)
        );
    }
}

#[test]
fn a_dig_that_finds_only_someones_slip_is_the_first_cause() {
    let slip = "I pulled the print log and found the cause: the night technician had picked \
                the 10 mg template instead of the 1 mg one.";
    let system = "I pulled the print log and found the cause: the 1 mg and 10 mg strengths \
                  printed from one template with a typed field, and the printer kept the last \
                  value.";
    let frame = |middle: &str| {
        let text = format!(
            "I run a hospital pharmacy's aseptic unit. Last March six syringes left labelled at \
             ten times their strength. {middle} The scan has stopped three mislabels since."
        );
        points(&mistake_for("ownership", &text), SignalId::RootCause)
    };
    assert!(
        frame(slip) < frame(system),
        "{} vs {}",
        frame(slip),
        frame(system)
    );
}

#[test]
fn asking_how_in_your_own_words_starts_a_trace() {
    let stop = "The first answer was obvious: the night picker had missed the flag on the tote.";
    let shallow = story("dive_deep", &format!("{BILLS} {stop} {END}"));
    for ask in [
        "So I asked myself how he was supposed to know.",
        "I wondered how a flagged tote could look like any other.",
        "I asked them how the flag could be missed on a busy night.",
    ] {
        let traced = format!(
            "{BILLS} {stop} {ask} A flagged tote gets a red tag, and this one had none. It \
             turned out the tags were kept in the day office and only went on when a \
             supervisor came in. {END}"
        );
        let r = story("dive_deep", &traced);
        assert!(
            points(&r, SignalId::RootCause) > points(&shallow, SignalId::RootCause),
            "no trace after: {ask}"
        );
        assert!(hit(&r, SignalId::RootCause), "no root cause after: {ask}");
    }
}

#[test]
fn why_it_mattered_is_not_a_cause() {
    for (feeling, head) in [
        (
            "That hurts, because those cafés put our name on their menus.",
            "That hurts",
        ),
        (
            "It stung, because the hospital was our biggest customer.",
            "It stung",
        ),
        (
            "It was embarrassing because the report carried my team's name.",
            "It was embarrassing",
        ),
    ] {
        let r = mistake_for(
            "ownership",
            &format!(
                "I run a bakery. Two cafés sent loaves back in March. {feeling} The starter \
                 was under-ripe because the night baker fed it late. I set an alarm on the \
                 bakery tablet at feeding time."
            ),
        );
        let rc = r
            .signal(SignalId::RootCause)
            .expect("root_cause is reported");
        assert!(
            !rc.evidence.iter().any(|e| e.text.contains(head)),
            "a feeling taken for a cause: {feeling}"
        );
    }
}

#[test]
fn a_plan_changed_without_anyone_replanning_reaches_the_system() {
    let person = "The first cause was easy to see: the starter was under-ripe, because the \
                  night baker fed it late. I asked why he fed late. He was loading the ovens \
                  for the 4 am run just when the starter was due, because he is slow.";
    let plan = "The first cause was easy to see: the starter was under-ripe, because the \
                night baker fed it late. I asked why he fed late. He was loading the ovens for \
                the 4 am run just when the starter was due, because we added that run without \
                anyone re-planning the night tasks.";
    let score = |t: &str| {
        points(
            &story("dive_deep", &format!("{BILLS} {t} {END}")),
            SignalId::RootCause,
        )
    };
    assert!(
        score(plan) > score(person),
        "{} vs {}",
        score(plan),
        score(person)
    );
}

#[test]
fn a_traced_chain_is_substance_like_a_deed() {
    let opening = "I lead a night shift in a bottling hall. A pallet of cider went out with the \
                   wrong best-before date, and I had signed the line check.";
    let traced = "Why did the coder print the old date? Because the date is typed in by hand at \
                  each changeover. Why by hand? The coder has no link to the production plan, \
                  so nothing checks it. Why had nobody linked it? The plan moved to a new system \
                  last year and the coder was left off the list. I had the coder read the date \
                  from the plan.";
    let deeds = "The root cause was quickly found: the operator had typed the old date. I spoke \
                 to the operator, gave the shift a refresher on changeovers, re-checked every \
                 pallet that week, briefed the quality team and wrote a note for the next shift.";
    let t = story(
        "insist_on_the_highest_standards",
        &format!("{opening} {traced}"),
    );
    let d = story(
        "insist_on_the_highest_standards",
        &format!("{opening} {deeds}"),
    );
    assert!(
        t.total > d.total,
        "a chain traced to the system {} did not beat a slip and busy deeds {}",
        t.total,
        d.total
    );
    // The trace is not damped for having few deeds: more deeds add little
    // to what the trace itself earns.
    let busier = story(
        "insist_on_the_highest_standards",
        &format!(
            "{opening} {traced} I re-checked every pallet that week, rang the two stores and \
             wrote the changeover steps on the line board."
        ),
    );
    let (alone, with_deeds) = (
        points(&t, SignalId::RootCause),
        points(&busier, SignalId::RootCause),
    );
    assert!(
        with_deeds <= alone * 1.1,
        "the trace earned {alone} alone and {with_deeds} with more deeds"
    );
}

#[test]
fn a_root_cause_that_opens_on_a_person_is_their_slip() {
    let digging = "I pulled the job cards and the tool log the next morning.";
    let person = [
        "The root cause was quickly identified: he had used a torque wrench that was out of \
         calibration.",
        "The underlying problem turned out to be simple: the packer had loaded the wrong roll \
         at changeover.",
    ];
    let system = [
        "The root cause was quickly identified: our tool crib let any wrench out with no check \
         of its calibration date.",
        "The underlying problem turned out to be simple: the changeover sheet never listed \
         which roll goes with which order.",
    ];
    let rc = |t: &str| {
        points(
            &story(
                "insist_on_the_highest_standards",
                &format!("{BILLS} {digging} {t} {END}"),
            ),
            SignalId::RootCause,
        )
    };
    for p in person {
        for s in system {
            assert!(rc(s) > rc(p), "{} for {s}\nvs {} for {p}", rc(s), rc(p));
        }
    }
}
