import Foundation

/// Times the pipeline's stages for `--verbose`.
struct StageClock {
    private(set) var timings: [StageTiming] = []
    private var last = DispatchTime.now()
    let start = DispatchTime.now()

    mutating func lap(_ stage: String) {
        let now = DispatchTime.now()
        timings.append(StageTiming(stage: stage, seconds: Double(now.uptimeNanoseconds - last.uptimeNanoseconds) / 1e9))
        last = now
    }

    /// Records a part of a stage timed elsewhere (e.g. the analysis inside rendering) without starting a new lap.
    mutating func record(_ stage: String, seconds: Double) {
        timings.append(StageTiming(stage: stage, seconds: seconds))
    }

    var elapsed: Double { Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9 }
}
