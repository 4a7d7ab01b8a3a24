package io.calmsdk.btp;


/**
 * What one step did (or, in a plan, would do): the outcome, a sentence for people, and the resource it
 * concerns.
 *
 * @param outcome the outcome
 * @param detail what happened, e.g. {@code created instance calm-api (xsappname calm-api)}
 * @param resourceId the id of the subaccount, instance or binding concerned, or {@code null}
 */
record StepReport(StepResult.Outcome outcome, String detail, String resourceId) {

    static StepReport of(StepResult.Outcome outcome, String detail, String resourceId) {
        return new StepReport(outcome, detail, resourceId);
    }
}
