//! Outcomes, causes and remedies as candidates tell them, found on blind
//! development sets: "by half term" says when a result came, not how much
//! changed; getting people to act is a deed, not a result; a number can
//! name a thing; a traced chain of causes needs no "because"; a guard can
//! be set up with no word for a mechanism; a plan drawn up is no mechanism
//! in place; subjects carry across lists; working to make an overruling
//! succeed commits; a customer met on the way to revenue earns little.
//! Every sentence here was written for these tests.

use super::test_support::{hit, mistake_for, story};
use super::{Report, SignalId};

const SETUP: &str = "I run the kitchen at a primary school of 410 pupils. Last September the \
                     lunch queue left the oldest children about fifteen minutes to eat. I timed \
                     the queue for a week and moved the PIN step into the morning register.";

#[test]
fn when_a_result_came_is_not_how_much_it_changed() {
    let vague = [
        "By half term it felt like a different lunchtime.",
        "By the second week the hall was much calmer.",
        "By next term nobody complained about the queue any more.",
    ];
    let measured = [
        "By half term the wait had gone from 19 minutes to 7.",
        "Within a month plate waste was down from 38 kilos a week to 22.",
        "It cut the wait by half, and every year group got at least 25 minutes to eat.",
    ];
    for v in vague {
        let r = story("deliver_results", &format!("{SETUP} {v}"));
        assert!(!hit(&r, SignalId::ResultQuantified), "measured: {v}");
    }
    for m in measured {
        let r = story("deliver_results", &format!("{SETUP} {m}"));
        assert!(hit(&r, SignalId::ResultQuantified), "not measured: {m}");
    }
}

#[test]
fn getting_someone_to_act_is_a_deed_not_a_measured_result() {
    let setup = "I was duty manager at a sold-out concert hall. Twenty minutes before the \
                 headliner the bar queue backed into the corridor by a fire exit.";
    let deeds = [
        "We shut the bar at once, and we got two stewards to stand in the corridor.",
        "I shut the bar and got three of the ushers to walk the queue round to the terrace.",
    ];
    for d in deeds {
        let r = story("bias_for_action", &format!("{setup} {d}"));
        assert!(!hit(&r, SignalId::ResultQuantified), "measured: {d}");
    }
    let result = format!(
        "{setup} I shut the bar and moved its card reader. We got the corridor clear in 4 \
         minutes, and we got the wait down to 6 minutes."
    );
    assert!(hit(
        &story("bias_for_action", &result),
        SignalId::ResultQuantified
    ));
}

#[test]
fn a_thing_that_acts_after_the_speaker_is_not_the_speaker() {
    // The second verb's subject is the report, not the speaker: its catches
    // are the measured result, not a count of what the speaker did.
    let r = story(
        "deliver_results",
        "Situation: I'm the exams officer at a school of 1,100. Task: enter every student \
         for the right papers. Action: I built a cross-check report that lists students with \
         no exam entry. Result: The report has run at four deadlines since and caught six \
         missing entries.",
    );
    assert!(hit(&r, SignalId::ResultQuantified));
}

fn mistake(text: &str) -> Report {
    mistake_for("earn_trust", text)
}

#[test]
fn a_record_the_speaker_never_made_is_their_fault() {
    let setting = "Last winter I was nurse in charge on a surgical ward and built the December \
                   night rota.";
    let omissions = [
        "I approved two leave requests on paper and never entered them in the e-roster, so the \
         rota showed six nurses when four were coming.",
        "I didn't log the two leave requests I had signed, so the rota showed six nurses when \
         four were coming.",
        "I agreed two leave requests in the corridor but never recorded them, so the rota \
         showed six nurses when four were coming.",
    ];
    let fix = "I phoned the site manager at once, and then had the leave form locked so it \
               cannot be approved unless it is in the e-roster.";
    for o in omissions {
        let r = mistake(&format!("{setting} {o} {fix}"));
        assert!(hit(&r, SignalId::OwnsFaultFirst), "not owned: {o}");
    }
}

#[test]
fn a_guard_told_by_what_it_now_prevents_is_a_mechanism() {
    let slip = "I run the returns desk at a garden centre. In May I refunded a trailer of plants \
                twice because I didn't check the first refund had gone through.";
    let guards = [
        "Afterwards I had the till changed so a refund can't be issued without the original \
         receipt number.",
        "Then we locked the refund screen so it won't complete unless a second person signs.",
        "I reconfigured the till so that no refund goes through until the receipt is scanned.",
    ];
    let not_guards = [
        "Afterwards I suggested changing the till so a refund can't be issued without a \
         receipt.",
        "Afterwards I told the team a refund can't be issued without the receipt number.",
        "If I ran that desk again, I would change the till so it won't refund without a receipt.",
    ];
    for g in guards {
        let r = mistake(&format!("{slip} {g}"));
        assert!(hit(&r, SignalId::MechanismFix), "no mechanism: {g}");
    }
    for n in not_guards {
        let r = mistake(&format!("{slip} {n}"));
        assert!(!hit(&r, SignalId::MechanismFix), "mechanism: {n}");
    }
}

#[test]
fn causes_told_after_the_speaker_sets_out_to_trace_them_are_a_chain() {
    let slip = "I work as a customs broker. Last year I found 61 of one importer's entries filed \
                under the porcelain code at 12% instead of stoneware at 5%.";
    let traced = [
        "Then I looked at how this had happened. Our entry template for that client had been \
         copied in 2019 from another client's, and that client really did import porcelain. \
         There was no step where anyone checked a copied template against the new client's \
         products. I corrected the template and filed amendment claims.",
        "I dug into why. The client's template had been cloned from a porcelain importer's \
         three years earlier. Nobody compared a cloned template with the new client's product \
         sheets, because onboarding had no such step. I corrected the template and filed \
         amendment claims.",
    ];
    for t in traced {
        let r = mistake(&format!("{slip} {t}"));
        assert!(hit(&r, SignalId::RootCause), "no chain: {t}");
    }
    // The same facts with no trace: a correction, not a cause.
    let fixed = mistake(&format!(
        "{slip} I corrected the template for that client, filed amendment claims for all 61 \
         entries, and the client recovered about £38,000 within two months."
    ));
    assert!(!hit(&fixed, SignalId::RootCause));
}

#[test]
fn a_change_told_in_bare_numbers_is_measured_and_an_expectation_is_not() {
    let setup = "I supervise the issue bench at a blood bank. One spring week we discarded \
                 eleven platelet units, and I had the pick-list report changed to sort by the \
                 true expiry date.";
    let measured = story(
        "dive_deep",
        &format!("{setup} Discards went from eleven that week to one over the next two months."),
    );
    assert!(hit(&measured, SignalId::ResultQuantified));
    let expected = story(
        "dive_deep",
        &format!(
            "{setup} Once the report is live I'd expect discards to go from eleven a week to \
             under two."
        ),
    );
    assert!(!hit(&expected, SignalId::ResultQuantified));
}

#[test]
fn a_dig_that_finds_a_cause_behind_the_first_is_a_level_down() {
    let dug = story(
        "dive_deep",
        "I was assistant finance manager at a 210-room hotel. The monthly report said room \
         service revenue was up 18%, but occupancy was flat. I pulled three months of till \
         transactions and sorted them by outlet code. About 40% of the room-service revenue was \
         lobby bar orders, because when the bar's till was replaced in March its outlet code \
         was set to 12 instead of 14. I had IT correct the code and restated the three months.",
    );
    assert!(hit(&dug, SignalId::RootCause));
    // Walking someone through the job digs into nothing.
    let walked = mistake(
        "I run a small electrical crew. In May I wrote a switching schedule from an out-of-date \
         drawing and a care home lost power for an hour. I went through the whole job with the \
         crew leader, so he knew exactly what had happened. I apologised to the manager.",
    );
    assert!(!hit(&walked, SignalId::RootCause));
    assert!(!hit(&walked, SignalId::DataDriven));
}

#[test]
fn deeds_listed_after_commas_are_the_speakers() {
    let r = story(
        "ownership",
        "I was process engineer at a juice plant with four lines. One week line 2 underfilled \
         3% of its bottles. So I had recipes locked to the barcode on the bottle label, scrapped \
         the paper sheets, and handed planning the recipe changes.",
    );
    let action = r.signal(SignalId::StarAction).unwrap();
    assert!(
        action.hit && action.evidence.len() >= 2,
        "{:?}",
        action.evidence
    );
}

#[test]
fn a_subject_cut_off_by_then_or_a_list_still_owns_the_deeds() {
    let r = mistake(
        "I was reservations manager for a 180-room hotel. In 2019 I set our overbooking level at \
         6% and didn't check that most bookings were now non-refundable. On the first Friday \
         nine guests had no room. I came in, found rooms at two partner hotels, paid for the \
         taxis and the first night, and wrote to each of them the following week. I then \
         recalculated the level by rate type, and added a rule that sets overbooking on \
         non-refundable rates to zero.",
    );
    assert!(hit(&r, SignalId::FirstPersonOwnership));
    let then = story(
        "ownership",
        "I was reservations manager for a 180-room hotel. The overbooking level was one number \
         for the whole hotel. I then recalculated the level by rate type.",
    );
    let action = then.signal(SignalId::StarAction).unwrap();
    assert!(
        action
            .evidence
            .iter()
            .any(|e| e.text.contains("recalculated")),
        "{:?}",
        action.evidence
    );
}

#[test]
fn what_came_of_a_change_outweighs_the_size_of_the_change() {
    let setup = "I supervised housekeeping at a holiday park with 120 chalets, and Saturday \
                 changeover overran every week. I had the night porter leave a linen bag on \
                 each porch, and I cut our checklist from 40 items to the 18 guests notice.";
    let own = story(
        "invent_and_simplify",
        &format!("{setup} After that Saturdays ran far more smoothly and guests were happier."),
    );
    let outcome = story(
        "invent_and_simplify",
        &format!("{setup} Late check-ins dropped from around 25 a week to 3 within a month."),
    );
    let points = |r: &Report| r.signal(SignalId::ResultQuantified).unwrap().points;
    assert!(hit(&own, SignalId::ResultQuantified));
    assert!(
        points(&outcome) >= points(&own) + 2.0,
        "{} vs {}",
        points(&outcome),
        points(&own)
    );
}

#[test]
fn a_number_that_names_a_thing_measures_nothing() {
    let setup = "I was literacy lead at a primary school. In September, 38 percent of our \
                 Year 4 children were reading below the expected level. I trained six parent \
                 volunteers to run phonics sessions three mornings a week.";
    let named = [
        "By the summer, reading across Year 4 had clearly improved.",
        "By the summer, the children on table 3 had improved the most.",
    ];
    for n in named {
        let r = story("deliver_results", &format!("{setup} {n}"));
        assert!(!hit(&r, SignalId::ResultQuantified), "measured: {n}");
    }
    let measured = story(
        "deliver_results",
        &format!(
            "{setup} At the summer assessment 19 percent of Year 4 were below expected, down \
             from 38."
        ),
    );
    assert!(hit(&measured, SignalId::ResultQuantified));
}

#[test]
fn a_guard_seen_holding_back_failures_beats_one_drawn_up_as_a_plan() {
    let setup = "I'm a maintenance controller at a tram depot with 32 trams. One autumn three \
                 trams left with empty sand hoppers, because the refill was on a paper card \
                 signed from memory at the end of a shift.";
    let fitted = mistake(&format!(
        "{setup} I got a level sensor fitted to each hopper and wired into the gate system. \
         Over that first winter it held back 19 trams until they were refilled, and there \
         hasn't been a low-sand departure since it went in."
    ));
    let planned = mistake(&format!(
        "{setup} I drew up a plan for a level sensor on each hopper, wired into the gate \
         system. Engineering agreed it in principle for next year's budget, and once all 32 \
         are fitted it should stop every low-sand departure."
    ));
    let points = |r: &Report, id| r.signal(id).map_or(0.0, |s| s.points);
    assert!(
        points(&fitted, SignalId::MechanismFix) > points(&planned, SignalId::MechanismFix) + 3.0
    );
    assert!(!hit(&planned, SignalId::ResultQuantified));
}

#[test]
fn working_to_make_an_overruling_succeed_commits_and_showing_them_the_risk_again_does_not() {
    let setup = "I am agronomist for a potato growers' cooperative. The board decided to switch \
                 most members to a new high-yield variety. I disagreed, and I presented our own \
                 trial data showing worse blight scores. They voted for the switch anyway.";
    let commits = [
        "A decision is a decision. After that I worked so it would succeed: I made a spraying \
         calendar and visited each farm before planting.",
        "From then on I set it up to succeed, with a spraying calendar and a visit to each farm \
         before planting.",
    ];
    let sulks = [
        "After that I did my normal job. In my season report I put the blight slide on page \
         one, with a note that this risk was shown to them before planting.",
        "After that I just did my job. When blight came, I reminded them I had shown them the \
         risk in spring.",
        "After that I planted what they chose. By August they cut the new variety back to a \
         third of the area, which is what I asked for in the first place.",
    ];
    for c in commits {
        let r = story("have_backbone_disagree_and_commit", &format!("{setup} {c}"));
        assert!(hit(&r, SignalId::DisagreeCommit), "no commitment: {c}");
    }
    for s in sulks {
        let r = story("have_backbone_disagree_and_commit", &format!("{setup} {s}"));
        assert!(!hit(&r, SignalId::DisagreeCommit), "commitment: {s}");
        assert!(hit(&r, SignalId::ToldYouSo), "no told-you-so: {s}");
    }
}

#[test]
fn a_customer_met_on_the_way_to_revenue_earns_little_customer_focus() {
    let setup = "I was assistant manager at a phone shop. An older customer, Mrs Price, came in \
                 worried about her bill of £62 a month; she used almost no data on a 100GB plan.";
    let sold = story(
        "customer_obsession",
        &format!(
            "{setup} I saw a re-contract opportunity and signed her to a new deal at £68. Store \
             revenue rose about £4,500 a month and we hit 130% of target."
        ),
    );
    let served = story(
        "customer_obsession",
        &format!(
            "{setup} I moved her to a £12 SIM-only plan that fits how she uses the phone, then \
             found 212 customers like her and offered them the same. Complaints about bills \
             fell from 30 a month to 9."
        ),
    );
    let points = |r: &Report| r.signal(SignalId::CustomerFocus).map_or(0.0, |s| s.points);
    assert!(hit(&sold, SignalId::ProfitOnly));
    assert!(
        points(&served) > points(&sold) + 5.0,
        "{} vs {}",
        points(&served),
        points(&sold)
    );
}

#[test]
fn a_story_that_lands_on_a_dashboard_and_a_bonus_is_profit_first() {
    let setup = "I plan the timetable for a bus operator. The route past the hospital ran \
                 every 20 minutes, and older riders walked 900 metres uphill to the next stop.";
    let internal = story(
        "customer_obsession",
        &format!(
            "{setup} I rewrote the timetable to keep the hospital stop. Our punctuality score \
             on the council's dashboard rose from 71% to 84%, and we kept the full performance \
             bonus."
        ),
    );
    let riders = story(
        "customer_obsession",
        &format!(
            "{setup} I rewrote the timetable to keep the hospital stop. The share of riders who \
             reached their appointments on time rose from 71% to 84%."
        ),
    );
    assert!(hit(&internal, SignalId::ProfitOnly));
    assert!(!hit(&riders, SignalId::ProfitOnly));
    assert!(
        riders.total > internal.total + 5.0,
        "{} vs {}",
        riders.total,
        internal.total
    );
}

#[test]
fn a_rate_reported_after_the_deeds_is_a_measured_result_and_a_cost_is_not() {
    let deeds = "I coordinate a food bank with 45 volunteers. Only 48% of new volunteers \
                 were still coming after three months. I phoned eight who had stopped, gave \
                 every new person a buddy for two shifts and moved first shifts out of the \
                 cold warehouse.";
    for after in [
        "Six months on, three-month retention was 79%.",
        "By the spring the share still coming went from 48% to 79%.",
    ] {
        let r = story(
            "strive_to_be_earths_best_employer",
            &format!("{deeds} {after}"),
        );
        assert!(hit(&r, SignalId::ResultQuantified), "missed: {after}");
    }
    for after in [
        "The buddy scheme cost about £90 a month.",
        "Two coordinators now run the first shifts. People seem happier.",
    ] {
        let r = story(
            "strive_to_be_earths_best_employer",
            &format!("{deeds} {after}"),
        );
        assert!(!hit(&r, SignalId::ResultQuantified), "counted: {after}");
    }
}

#[test]
fn success_measured_for_the_organisation_earns_less_customer_focus_than_for_the_people_served() {
    let setup = "I was a highways officer for a county council. Residents complained that \
                 potholes they reported went weeks without a visit. I routed inspectors by the report \
                 queue and sent anyone who reported the inspection date.";
    let served = story(
        "customer_obsession",
        &format!(
            "{setup} For residents, the time from a report to a filled hole went from \
                  34 days to 12."
        ),
    );
    let business = story(
        "customer_obsession",
        &format!(
            "{setup} Repairs inside the contract window went from 74% to 93%, so we \
                  saved on fuel and vehicles."
        ),
    );
    let focus = |r: &Report| r.signal(SignalId::CustomerFocus).map_or(0.0, |s| s.points);
    assert!(
        focus(&served) > focus(&business),
        "served {} vs business {}",
        focus(&served),
        focus(&business)
    );
}

#[test]
fn a_threshold_in_a_rule_is_not_a_measured_result() {
    let setup = "I run a community pharmacy. Last winter some of our regulars kept running out \
                 of their inhalers.";
    for rule in [
        "I started a weekly list, and for each patient who dropped below 20 doses I rang them.",
        "I set the system so any repeat that falls under 10 days of stock goes to the top of \
         the queue.",
    ] {
        let r = story(
            "customer_obsession",
            &format!("{setup} {rule} By spring it felt much calmer at the counter."),
        );
        assert!(
            !hit(&r, SignalId::ResultQuantified),
            "threshold counted: {rule}"
        );
    }
    let r = story(
        "customer_obsession",
        &format!("{setup} I started a weekly list. By spring, run-outs fell below 2 a month."),
    );
    assert!(hit(&r, SignalId::ResultQuantified));
}

#[test]
fn complaints_and_waits_measured_in_the_result_keep_customers_in_view() {
    let setup = "I plan services for a bus operator. Route 14's on-time performance was 71%, \
                 mostly because boarding at the college stop was slow.";
    let ending = |result: &str| {
        story(
            "customer_obsession",
            &format!("{setup} I got tap-to-pay readers fitted on every bus on the route. {result}"),
        )
    };
    for lived in [
        "On-time performance rose to 88%, and evening complaints went from about 30 a month \
         to 8.",
        "On-time performance rose to 88%, and the average wait at the college stop fell from \
         12 minutes to 5.",
    ] {
        assert!(
            !hit(&ending(lived), SignalId::ProfitOnly),
            "profit first: {lived}"
        );
    }
    for money in [
        "On-time performance rose to 88%, and our late-running penalties fell from £9,000 a \
         month to £1,000.",
        "On-time performance rose to 88%, and refund costs went from £9,000 a month to \
         £1,000.",
    ] {
        assert!(
            hit(&ending(money), SignalId::ProfitOnly),
            "not profit first: {money}"
        );
    }
}

#[test]
fn a_result_in_complaints_or_waits_is_measured_for_the_people_served() {
    let setup = "I plan services for a bus operator. Riders on route 14 complained that \
                 evening buses ran late, because boarding with cash at the college stop was \
                 slow. I got tap-to-pay readers fitted on every bus on the route.";
    let focus = |result: &str| {
        let r = story("customer_obsession", &format!("{setup} {result}"));
        super::test_support::points(&r, SignalId::CustomerFocus)
    };
    let money = focus(
        "On-time performance rose to 88%, and our late-running penalties fell from £9,000 a \
         month to £1,000.",
    );
    for lived in [
        "On-time performance rose to 88%, and evening complaints went from about 30 a month \
         to 8.",
        "On-time performance rose to 88%, and the average wait at the college stop fell from \
         12 minutes to 5.",
    ] {
        assert!(focus(lived) > money, "{} vs {money}: {lived}", focus(lived));
    }
}

#[test]
fn customers_who_lost_out_are_customers_with_a_need() {
    let tell = |harm: &str| {
        story(
            "customer_obsession",
            &format!(
                "I led the policy servicing team at a home insurer. {harm} I had the letter \
                 template changed to pull from the contact address. Returned mail fell from \
                 350 a month to 40."
            ),
        )
    };
    for lost in [
        "Renewal letters went to old addresses, and some customers' cover lapsed because they \
         never saw the renewal.",
        "About 350 letters a month went astray, so customers who had moved did not receive \
         their renewal.",
    ] {
        assert!(
            hit(&tell(lost), SignalId::CustomerFocus),
            "no need seen: {lost}"
        );
    }
    let none = "Renewal letters went to old addresses for customers who had moved.";
    assert!(
        !hit(&tell(none), SignalId::CustomerFocus),
        "a need read where none was told"
    );
}

#[test]
fn a_wait_for_payment_or_satisfaction_measured_is_lived_by_customers() {
    let setup = "I led claims operations at a home insurer. Water-damage claimants waited 19 \
                 days on average from first call to payment, and our fees per claim kept \
                 climbing. I sent a video adjuster on the first day instead of a site visit.";
    for lived in [
        "Claimants waited 6 days for payment instead of 19, and fees per claim fell by £180.",
        "The share of claimants satisfied in our survey went from 61% to 84%, and fees per \
         claim fell by £180.",
    ] {
        let r = story("customer_obsession", &format!("{setup} {lived}"));
        assert!(!hit(&r, SignalId::ProfitOnly), "profit first: {lived}");
    }
    let money = story(
        "customer_obsession",
        &format!(
            "{setup} Adjuster cost went down by about £180 per claim, around £72,000 for the \
             pilot, and finance was happy because revenue reserves were released faster."
        ),
    );
    assert!(hit(&money, SignalId::ProfitOnly));
}
