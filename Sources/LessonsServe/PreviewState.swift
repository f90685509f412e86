import LessonsKit

/// What the preview server knows about the builds: a version that changes with every build (open pages poll it to
/// reload) and, while the latest build has failed, its report.
actor PreviewState {
    private(set) var version = 0
    private(set) var failure: BuildReport?
    private(set) var hasGoodBuild = false

    func record(_ report: BuildReport) {
        version += 1
        if report.status == .success {
            failure = nil
            hasGoodBuild = true
        } else {
            failure = report
        }
    }
}
