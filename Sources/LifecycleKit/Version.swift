/// The version of clc (`clc --version`), kept here only.
public enum ClcVersion {
    public static let current = "0.9.0"
}
