package org.stochad.lund.study;

/**
 * The finalTwo ordering term of d⟨f⟩/db, from the RSA score decomposition on the same events.
 *
 * @param observable        the observable
 * @param term              E[(f − f̄)·∂b ln P(ordering)]
 * @param termError         its standard error
 * @param total             the whole RSA d⟨f⟩/db on the same events
 * @param totalError        its standard error
 * @param orderingsPerEvent mean number of finalTwo ordering decisions per event (all attempts)
 */
public record FinalTwoTerm(String observable, double term, double termError, double total, double totalError,
                           double orderingsPerEvent) {
}
