package io.calmsdk.btp;


/**
 * The ids of the Cloud ALM API offering and plan in one subaccount's Service Manager.
 *
 * @param offeringId the offering id, or {@code null} when only the plan is known (from an instance)
 * @param planId the plan id
 * @param instancesRetrievable whether the offering lets instance parameters be read back
 */
record CatalogIds(String offeringId, String planId, boolean instancesRetrievable) {
}
