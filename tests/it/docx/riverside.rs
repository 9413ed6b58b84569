//! A realistic strategy document, modelled on the structure of partnership neglect strategies
//! (document control at the start, a contents list, chapters, appendices with a matrix by age
//! group, a glossary and a version history), written for the fictional Riverside partnership.

use super::*;

/// The Riverside neglect strategy as a .docx. `body_chapters` extra chapters of ordinary
/// text are added before the appendices (the benchmark uses them to make a long document).
pub fn strategy(body_chapters: usize) -> Docx {
    let mut doc = Docx::new();
    doc.property_title("Riverside neglect strategy (draft 7)");
    let gov = doc.web(
        "https://www.gov.uk/government/publications/working-together-to-safeguard-children--2",
    );
    let nspcc = doc.web("https://learning.nspcc.org.uk/child-abuse-and-neglect/neglect");
    let shared = doc.web("file:///S:/Safeguarding/Escalation%20policy.docx");
    let chart = doc.image("image1.png", PNG);
    let logo = doc.image("image2.png", PNG);
    let metafile = doc.image("image3.emf", b"not really a metafile");
    let statistic = doc.footnote("NSPCC, How safe are our children? 2024.");
    let quote_source = doc.endnote("Riverside young people's survey, autumn 2024.");
    let comment = doc.comment(
        "Sam Patel",
        "Check these figures with the data team before sign-off.",
    );

    doc.push(p(Some("Title"), &run("Riverside Neglect Strategy 2025 to 2027")))
        .push(p(
            Some("Subtitle"),
            &run("How partners in Riverside recognise, respond to and reduce the neglect of children"),
        ))
        .push(p(None, &picture(&logo, Some("Riverside Safeguarding Children Partnership logo"))))
        .push(text_table(
            false,
            &[
                &["Issue No:", "2"],
                &["Document Owner:", "Riverside Safeguarding Children Partnership"],
                &["Date Approved:", "6th March 2025"],
                &["Date Published:", "10/03/2025"],
                &["Review Date:", "December 2027"],
                &["Approved by:", "Partnership Executive Group"],
            ],
        ))
        .push(table_of_contents(&[
            ("_Toc1", "Introduction"),
            ("_Toc2", "Defining neglect"),
            ("_Toc3", "Neglect at each age"),
            ("_Toc4", "Our priorities"),
            ("_Toc5", "Appendix 1: Neglect by age group"),
        ]))
        .push(para(
            "This strategy belongs to every agency in Riverside that works with unborn babies, children, young people or their families.",
        ));

    // Introduction: emphasis, a nested bulleted list, a footnote, a comment, a tracked change.
    doc.push(heading(1, "Introduction", Some("_Toc1")))
        .push(p(
            None,
            &format!(
                "{}{}{}{}",
                run("Neglect is the "),
                bold("most common"),
                run(" reason for a child protection plan in England."),
                footnote_ref(&statistic)
            ),
        ))
        .push(p(
            None,
            &commented(
                &comment,
                &format!(
                    "{}{}{}",
                    run("In Riverside, 4 in 10 plans are for neglect"),
                    inserted(" (November 2024)"),
                    deleted(" (last year)")
                ),
            ),
        ))
        .push(para("This strategy explains how agencies:"))
        .push(list_item(BULLETS, 0, &run("recognise neglect early;")))
        .push(list_item(
            BULLETS,
            1,
            &run("in babies, before they can tell anyone;"),
        ))
        .push(list_item(
            BULLETS,
            1,
            &run("in teenagers, where it is often missed;"),
        ))
        .push(list_item(BULLETS, 0, &run("work together to reduce it.")))
        .push(p(
            None,
            &format!(
                "{}{}",
                run("It is not a stand-alone document: read it with the partnership's "),
                link(&shared, "escalation policy")
            ),
        ))
        .push(p(
            None,
            &format!(
                "{}{}{}",
                run("Text boxes are easy to miss."),
                text_box("Remember: neglect is about the child's daily life."),
                run(" Keep reading.")
            ),
        ));

    // Defining neglect: a quotation, an external link, a numbered list, a cross-reference.
    doc.push(heading(1, "Defining neglect", Some("_Toc2")))
        .push(p(
            None,
            &format!(
                "{}{}{}",
                run("We use the definition in "),
                link(&gov, "Working Together to Safeguard Children"),
                run(" (2023):")
            ),
        ))
        .push(p(
            Some("Quote"),
            &run("‘The persistent failure to meet a child’s basic physical and/or psychological needs, likely to result in the serious impairment of the child’s health or development.’"),
        ))
        .push(para("Once a child is born, neglect may involve a parent or carer failing to:"))
        .push(list_item(NUMBERED, 0, &run("provide adequate food, clothing and shelter;")))
        .push(list_item(NUMBERED, 0, &run("protect a child from physical and emotional harm;")))
        .push(list_item(NUMBERED, 1, &run("including exclusion from home;")))
        .push(list_item(NUMBERED, 1, &run("or abandonment;")))
        .push(list_item(NUMBERED, 0, &run("ensure adequate supervision.")))
        .push(heading(2, "Horwath’s six types", Some("SixTypes")))
        .push(p(
            None,
            &format!(
                "{}{}{}",
                run("Horwath (2007) describes six types of neglect, mapped against age in "),
                cross_reference("Appendix1", "Appendix 1"),
                run(".")
            ),
        ))
        .push(list_item(OTHER_BULLETS, 0, &strong("Medical neglect")))
        .push(list_item(OTHER_BULLETS, 0, &run("Nutritional neglect")))
        .push(list_item(OTHER_BULLETS, 0, &run("Emotional neglect")))
        .push(p(
            None,
            &format!(
                "{}{}{}",
                run("The "),
                link(&nspcc, "NSPCC learning pages"),
                run(" say more about each type.")
            ),
        ));

    // Neglect at each age: a picture with and without a description, a line break, a
    // non-breaking space, an endnote, a picture browsers cannot show.
    doc.push(heading(1, "Neglect at each age", Some("_Toc3")))
        .push(heading(2, "Pre-birth", None))
        .push(p(
            None,
            &format!(
                "{}{}{}",
                run("Neglect can begin before birth."),
                line_break(),
                run("Warning signs include missed antenatal appointments.")
            ),
        ))
        .push(heading(2, "Infants (0\u{a0}to\u{a0}2)", Some("Infants")))
        .push(p(
            None,
            &picture(
                &chart,
                Some("Bar chart: plans for neglect by age group, 2024"),
            ),
        ))
        .push(p(None, &picture(&chart, None)))
        .push(p(None, &picture(&metafile, Some("Old diagram"))))
        .push(p(
            Some("Quote"),
            &format!(
                "{}{}",
                run("“Sometimes no one comes to your home to see what’s going on.”"),
                endnote_ref(&quote_source)
            ),
        ))
        .push(p(
            None,
            &format!(
                "{}{}",
                run("See also "),
                anchor_link("SixTypes", "the six types of neglect")
            ),
        ));

    for n in 0..body_chapters {
        doc.push(heading(1, &format!("Practice area {}", n + 1), None));
        for k in 0..6 {
            doc.push(heading(2, &format!("Part {}", k + 1), None));
            doc.push(para("Practitioners should keep the child's daily life at the centre of their work. They should record what they see, ask the child about their day, and share their worries with colleagues in other agencies."));
            doc.push(p(
                None,
                &format!(
                    "{}{}{}",
                    run("A chronology helps to see "),
                    bold("patterns of neglect"),
                    run(" over time, and to avoid starting again with each new worry.")
                ),
            ));
            doc.push(list_item(
                BULLETS,
                0,
                &run("Look at the home, the food and the clothes."),
            ));
            doc.push(list_item(
                BULLETS,
                0,
                &run("Listen to the child and to the parents."),
            ));
            doc.push(list_item(
                BULLETS,
                1,
                &run("Note what changes and what does not."),
            ));
            doc.push(text_table(
                true,
                &[
                    &["Sign", "What to do"],
                    &["Missed appointments", "Follow up the same week"],
                    &["Poor hygiene", "Talk to the family and record it"],
                ],
            ));
        }
    }

    // Our priorities: numbering continues after a paragraph, then a restarted list.
    doc.push(heading(1, "Our priorities", Some("_Toc4")))
        .push(list_item(
            NUMBERED_RESTART,
            0,
            &run("Recognise neglect early."),
        ))
        .push(list_item(
            NUMBERED_RESTART,
            0,
            &run("Respond in a consistent and timely way."),
        ))
        .push(para(
            "Two more priorities follow from what families told us.",
        ))
        .push(list_item(
            NUMBERED_RESTART,
            0,
            &run("Evaluate our practice."),
        ))
        .push(list_item(
            NUMBERED_RESTART,
            0,
            &run("Measure the difference we make."),
        ))
        .push(list_item(
            NUMBERED_AGAIN,
            0,
            &run("First action for each: agree a lead."),
        ))
        .push(list_item(
            NUMBERED_AGAIN,
            0,
            &run("Second action: set a date."),
        ))
        .push(p(None, &smart_art()))
        .push(p(None, &embedded_object()));

    // Appendix 1: a matrix with two header rows and merged cells.
    doc.push(heading(
        1,
        "Appendix 1: Neglect by age group",
        Some("Appendix1"),
    ))
    .push(table(&[
        row(
            true,
            &[
                merged_down_cell(true, "Age group"),
                spanning_cell(2, "Experiences of neglect"),
            ],
        ),
        row(
            true,
            &[
                merged_down_cell(false, ""),
                text_cell("Medical"),
                text_cell("Nutritional"),
            ],
        ),
        row(
            false,
            &[
                text_cell("Infancy; 0 to 2 years"),
                text_cell("Failure to notice a baby is unwell."),
                text_cell("Restricted growth."),
            ],
        ),
        row(
            false,
            &[
                text_cell("Primary; 5 to 11 years"),
                cell(&format!(
                    "{}{}",
                    para("More infections than peers."),
                    list_item(BULLETS, 0, &run("no hand washing"))
                )),
                text_cell("Unregulated diet of sweets."),
            ],
        ),
    ]));

    // Appendix 2: the glossary.
    doc.push(heading(1, "Appendix 2: Glossary", None))
        .push(text_table(
            true,
            &[
                &["Term", "Definition"],
                &["Multi-Agency Safeguarding Hub (MASH)", "The single front door for worries about a child's safety. It decides which service should help."],
                &["CIN (Child in Need)", "A child who needs services to reach a reasonable standard of health or development."],
                &["Neglect", "The persistent failure to meet a child's basic needs."],
                &["Graded Care Profile 2 (GCP2)", "A tool that helps practitioners measure the care a child receives."],
            ],
        ));

    // Appendix 3: the version history.
    doc.push(heading(1, "Appendix 3: Version history", None))
        .push(text_table(
            true,
            &[
                &["Version", "Date", "Summary of changes"],
                &["1.0", "01/04/2022", "First strategy approved."],
                &[
                    "2.0",
                    "6 March 2025",
                    "Rewritten around the child's lived experience.",
                ],
            ],
        ));
    doc
}
