//! Closed vocabularies of the record format.
//!
//! Each vocabulary is a Rust enum with the exact spelling used in seed files
//! (`as_str`/`parse`), the full list of allowed values (`ALL`) and a one-line
//! meaning of every value (`meaning`). The same file is compiled into
//! `build.rs`, so the build, the library and `errdex check` accept exactly the
//! same words.

macro_rules! vocabulary {
    (
        $(#[$doc:meta])*
        $name:ident, $what:literal {
            $( $(#[$vdoc:meta])* $variant:ident = $text:literal : $meaning:literal, )+
        }
    ) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[non_exhaustive]
        pub enum $name {
            $( $(#[$vdoc])* $variant, )+
        }

        impl $name {
            /// Every value, in the order of the vocabulary.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// What this vocabulary is called in diagnostics.
            pub const WHAT: &'static str = $what;

            /// The spelling used in seed files and JSON output.
            pub const fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text,)+ }
            }

            /// What the value means, in one line.
            pub const fn meaning(self) -> &'static str {
                match self { $($name::$variant => $meaning,)+ }
            }

            /// The Rust name of the variant (used by the code generator).
            #[allow(dead_code)]
            pub(crate) const fn variant_name(self) -> &'static str {
                match self { $($name::$variant => stringify!($variant),)+ }
            }

            /// Parses the seed-file spelling; `None` for anything else.
            pub fn parse(text: &str) -> Option<$name> {
                match text { $($text => Some($name::$variant),)+ _ => None }
            }

            /// The allowed spellings, quoted and comma-separated (for messages).
            pub fn expected() -> String {
                let all: Vec<String> = Self::ALL.iter().map(|v| format!("\"{}\"", v.as_str())).collect();
                all.join(", ")
            }
        }

        impl core::fmt::Display for $name {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

vocabulary! {
    /// Whether the error can be fixed by the person who meets it.
    Resolvable, "resolvable value" {
        /// A fix is in the user's hands.
        Yes = "true": "the user can fix it",
        /// Nothing the user does fixes it (a platform limit, an upstream bug).
        No = "false": "the user cannot fix it; it has to be waited out or reported",
        /// Some causes can be fixed, others cannot.
        Partial = "partial": "some causes can be fixed by the user, others cannot",
    }
}

vocabulary! {
    /// How a record was checked, from weakest to strongest.
    VerificationTier, "verification tier" {
        /// Written from general knowledge, not checked against a primary source.
        AiGenerated = "ai_generated": "written from general knowledge, not checked against a primary source",
        /// Matches several independent public reports (issue threads, forums).
        CommunityConfirmed = "community_confirmed": "matches several independent public reports",
        /// The exact text and facts were checked against official documentation or source code.
        DocChecked = "doc_checked": "exact text and facts checked against official documentation or source",
        /// The error was triggered on a real machine and its text copied from the output.
        Reproduced = "reproduced": "the error was reproduced and its text copied from real output",
        /// Reviewed by a maintainer of the knowledge base with hands-on experience of the error.
        MaintainerReviewed = "maintainer_reviewed": "reviewed by a maintainer with hands-on experience of the error",
    }
}

vocabulary! {
    /// The kind of root cause behind an error.
    RootCauseType, "root cause type" {
        /// No more specific kind applies.
        Generic = "generic": "no more specific kind applies",
        /// A setting in a configuration file, flag or environment variable is wrong.
        Configuration = "configuration": "a setting, flag or configuration file is wrong",
        /// Something is missing or different on the machine (tools, paths, services).
        Environment = "environment": "the machine lacks something or differs from what is expected",
        /// A package or library cannot be found, resolved or built.
        Dependency = "dependency": "a package or library cannot be found, resolved or built",
        /// Two components are of incompatible versions.
        VersionMismatch = "version_mismatch": "two components are of incompatible versions",
        /// The process lacks a permission or credential.
        Permission = "permission": "the process lacks a permission or credential",
        /// Memory, disk, file handles, quotas or time ran out.
        ResourceLimit = "resource_limit": "memory, disk, handles, quotas or time ran out",
        /// A network path, name resolution or remote peer failed.
        Network = "network": "a network path, name lookup or remote peer failed",
        /// A mistake in the user's own code.
        CodeBug = "code_bug": "a mistake in the user's own code",
        /// The input data is malformed or does not fit its declared type.
        Data = "data": "input data is malformed or does not fit its declared type",
        /// A race, deadlock or other concurrency problem.
        Concurrency = "concurrency": "a race, deadlock or lock conflict",
        /// A defect in the tool or platform itself.
        PlatformBug = "platform_bug": "a defect in the tool or platform itself",
        /// A security policy (TLS, CORS, sandbox, SELinux) refused the operation.
        SecurityPolicy = "security_policy": "a security policy refused the operation",
    }
}

vocabulary! {
    /// The state of an error in one version of a tool.
    VersionStatus, "version status" {
        /// The error occurs in this version.
        Active = "active": "the error occurs in this version",
        /// This version fixed the error.
        Fixed = "fixed": "this version fixed the error",
        /// The behaviour is deprecated in this version.
        Deprecated = "deprecated": "the behaviour behind the error is deprecated here",
        /// The feature involved was removed in this version.
        Removed = "removed": "the feature involved was removed in this version",
    }
}

vocabulary! {
    /// An operating system named in `os_specific`.
    Os, "operating system" {
        /// Linux distributions.
        Linux = "linux": "Linux",
        /// macOS.
        Macos = "macos": "macOS",
        /// Microsoft Windows.
        Windows = "windows": "Windows",
        /// FreeBSD and other BSDs.
        Freebsd = "freebsd": "FreeBSD",
        /// Android.
        Android = "android": "Android",
        /// iOS and iPadOS.
        Ios = "ios": "iOS",
        /// Windows Subsystem for Linux.
        Wsl = "wsl": "Windows Subsystem for Linux",
    }
}
