package org.plenary.identity;

/** Which part of the roundtable a person speaks for. */
public enum StakeholderGroup {
  TECH_INDUSTRY,
  GOVERNMENT_POLICY,
  CIVIL_SOCIETY,
  ACADEMIA,
  MULTILATERAL,
  OTHER
}
