package io.crmflow.analytics;

import java.time.LocalDate;
import java.util.List;

/**
 * Stage by stage for the opportunities that entered it in the period: how many moved on to a later stage, how many were
 * lost there, and how long the ones that left stayed; plus the loss reasons of those lost in the period.
 */
public record Funnel(LocalDate from, LocalDate to, List<Stage> stages, List<LossReasonCount> lossReasons) {

    public record Stage(String stage, long entered, long converted, long lost, Double conversionPercent, Double averageDaysInStage) {
    }

    public record LossReasonCount(String reason, long count) {
    }
}
