package org.plenary.publish;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.plenary.endorsement.Endorsement.Stance;
import org.plenary.identity.StakeholderGroup;

/**
 * The words published documents print around the paper's own text, in the paper's language: English
 * and French so far; papers in other languages get English labels around their text.
 */
record Labels(
    Locale locale,
    String whitePaper,
    String submission,
    String contents,
    String edition,
    String page,
    String proposal,
    String inBrief,
    String annexEndorsements,
    String annexOrganisations,
    String endorsementsIntro,
    String wholePaper,
    String organisation,
    String stakeholderGroup,
    String people,
    String endorse,
    String withReservations,
    String object,
    String total,
    String earlierVersion,
    String singleSector,
    String supportingGroupsPattern,
    String unnamedPattern,
    String executiveSummary,
    String proposals,
    String rationale,
    String endorsingOrganisations,
    String addressee,
    String[] groups) {

  static Labels of(String language) {
    String lang = language == null ? "en" : language.toLowerCase(Locale.ROOT);
    if (lang.startsWith("fr")) {
      return new Labels(
          Locale.FRENCH,
          "Livre blanc",
          "Soumission au Secrétaire général de l'Organisation des Nations Unies",
          "Table des matières",
          "Édition",
          "Page",
          "Proposition",
          "En bref :",
          "Soutiens exprimés",
          "Organisations participantes",
          "Position de chaque participant sur chaque proposition, par groupe de parties prenantes."
              + " Les personnes qui l'ont demandé sont comptées sans être nommées.",
          "Le document dans son ensemble",
          "Organisation",
          "Groupe de parties prenantes",
          "Personnes",
          "Soutient",
          "Soutient avec réserves",
          "S'oppose",
          "Total",
          "donnée sur une version antérieure",
          "Tous les soutiens viennent d'un seul groupe de parties prenantes.",
          "Soutenue par %d groupes de parties prenantes.",
          "et %d participant(s) qui ont demandé à ne pas être nommé(e)s.",
          "Résumé",
          "Propositions",
          "Justification",
          "Organisations qui soutiennent",
          "Au Secrétaire général de l'Organisation des Nations Unies",
          new String[] {
            "Industrie technologique",
            "Gouvernements et politiques publiques",
            "Société civile",
            "Recherche",
            "Organisations multilatérales",
            "Autres"
          });
    }
    return new Labels(
        Locale.UK,
        "White paper",
        "Submission to the Secretary-General of the United Nations",
        "Contents",
        "Edition",
        "Page",
        "Proposal",
        "In brief:",
        "Endorsements",
        "Participating organisations",
        "Where each participant stands on each proposal, by stakeholder group. People who asked"
            + " not to be named are counted, not named.",
        "The paper as a whole",
        "Organisation",
        "Stakeholder group",
        "People",
        "Endorse",
        "With reservations",
        "Object",
        "Total",
        "given on an earlier version",
        "All support comes from one stakeholder group.",
        "Supported by %d stakeholder groups.",
        "and %d participant(s) who asked not to be named.",
        "Executive summary",
        "Proposals",
        "Rationale",
        "Endorsing organisations",
        "To the Secretary-General of the United Nations",
        new String[] {
          "Technology industry",
          "Government and policy",
          "Civil society",
          "Academia",
          "Multilateral organisations",
          "Other"
        });
  }

  String date(Instant at) {
    return DateTimeFormatter.ofPattern("d MMMM yyyy", locale).format(at.atZone(ZoneOffset.UTC));
  }

  String group(StakeholderGroup g) {
    return groups[g.ordinal()];
  }

  String stance(Stance s) {
    return switch (s) {
      case ENDORSE -> endorse;
      case ENDORSE_WITH_RESERVATIONS -> withReservations;
      case OBJECT -> object;
    };
  }

  String supportingGroups(int n) {
    return String.format(locale, supportingGroupsPattern, n);
  }

  String unnamed(int n) {
    return String.format(locale, unnamedPattern, n);
  }
}
