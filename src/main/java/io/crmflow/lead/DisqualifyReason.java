package io.crmflow.lead;

/** Why a lead is dropped: the choices of {@code forms/qualify-lead.form}. */
public enum DisqualifyReason {
    NO_NEED, NO_BUDGET, UNREACHABLE, DUPLICATE, OTHER
}
