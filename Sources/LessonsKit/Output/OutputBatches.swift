import Dispatch
import Synchronization

/// Runs numbered pieces of file system work in batches, on several threads when asked, with results
/// that do not depend on the scheduling.
enum OutputBatches {
    /// Runs `body` for every index in `0..<count` and returns the sum of its results.
    ///
    /// With `parallel`, batches of `batchSize` indices run through `DispatchQueue.concurrentPerform`,
    /// which uses about one thread per core. A batch stops at its first failure, and the error thrown is
    /// the one for the lowest failing index, so the outcome is the same as a serial run's.
    static func sum<Total: AdditiveArithmetic & Sendable>(
        count: Int, batchSize: Int, parallel: Bool, _ body: @Sendable (Int) throws(OutputError) -> Total
    ) throws(OutputError) -> Total {
        let batchCount = (count + batchSize - 1) / batchSize
        guard parallel, batchCount > 1, #available(macOS 15, *) else {
            var total = Total.zero
            for index in 0..<count { total += try body(index) }
            return total
        }
        // One entry per batch: the batch's total, or its first error.
        let outcomes = Mutex([Result<Total, OutputError>](repeating: .success(.zero), count: batchCount))
        DispatchQueue.concurrentPerform(iterations: batchCount) { batch in
            let outcome = Result { () throws(OutputError) -> Total in
                var total = Total.zero
                for index in batch * batchSize..<min(count, (batch + 1) * batchSize) { total += try body(index) }
                return total
            }
            outcomes.withLock { $0[batch] = outcome }
        }
        return try outcomes.withLock { (results) throws(OutputError) -> Total in
            var total = Total.zero
            for result in results { total += try result.get() }
            return total
        }
    }
}
