import PolicyModel

/// A small catalog written for the browser tests: three vendors, four questions (one of each
/// `favourable`), every answer, a document with two versions (for versions and diffs), a
/// Chinese agreement (for the comparison and wide glyphs), a document whose text is not loaded,
/// and a long timeline. Screens drawn from it do not change when the bundled data grows.
enum FixtureCatalog {
    nonisolated(unsafe) static let catalog = CatalogLoader.load(layers: [InMemoryLayer(label: "fixture", files: files)], sourceRoots: [])

    static let questions = """
    questions:
      - id: train-on-inputs
        favourable: no
        title: {en: Are my inputs used to train models?, zh: 我的输入会被用于训练模型吗？}
      - id: training-opt-out
        favourable: yes
        title: {en: Can I stop that use?, zh: 我能关闭这种使用吗？}
      - id: output-ownership
        favourable: yes
        title: {en: Do I own the outputs?, zh: 我拥有输出吗？}
      - id: data-location
        favourable: neutral
        title: {en: Is my data stored or processed outside the vendor's home jurisdiction?, zh: 我的数据会在厂商所在法域之外存储或处理吗？}
    """

    static var acmeVendor: String {
        // Thirty dated releases: a timeline longer than any screen.
        let releases = (1...30).map { n in
            "  - {date: 2024-\(String(format: "%02d", (n - 1) / 3 + 1))-\(String(format: "%02d", (n - 1) % 3 * 9 + 1)), title: Acme model \(n) released, source: https://acme.example/news/\(n)}"
        }
        return """
        id: acme
        name: Acme AI
        legal_name: Acme Artificial Intelligence, Inc.
        country: US
        surfaces:
          - {id: consumer, name: Acme Chat}
          - {id: api, name: Acme Platform API for developers}
        events:
        \(releases.joined(separator: "\n"))
        """
    }

    static let acmeTermsDocument = """
    title: Acme Terms of Use
    type: Terms of Service
    language: en
    surfaces: [consumer, api]
    url: https://acme.example/terms
    """

    static let acmePrivacyDocument = """
    title: Acme Privacy Policy
    type: Privacy Policy
    language: en
    surfaces: [consumer, api]
    url: https://acme.example/privacy
    ota:
      service: Acme
      type: Privacy Policy
    """

    static let acmeTermsOld = """
    # Acme Terms of Use

    ## 1. Introduction

    1.1 These terms govern your use of Acme Chat and the Acme Platform API, and of every other service that links to them.

    ## 4. Inputs and Outputs

    4.1 You own your Inputs. As between you and Acme, you keep all rights in what you submit.

    4.2 You own the Outputs, subject to these terms.

    4.3 We may use Inputs to improve the Services. You can opt out by turning off "Improve the model" in Settings.

    4.4 We keep Inputs for 90 days.

    ## 5. Where data is kept

    5.1 We may store and process your data in the United States and in other countries where our providers operate.

    ## 6. Safety

    6.1 To keep the Services safe, we may review Inputs and Outputs that our automated systems flag as possibly violating these terms or the law, and our trained reviewers, who work under confidentiality obligations, may read the flagged conversations in full, together with the account details needed to understand them, and keep notes on what they found for as long as the review and any appeal take, after which the notes are deleted unless the law requires us to keep them longer.

    ## 9. Changes

    9.1 We will tell you before these terms change.

    ## 11. Contact

    11.1 Write to privacy@acme.example with any question about these terms.
    """

    static var acmeTermsNew: String {
        acmeTermsOld
            .replacingOccurrences(of: "We keep Inputs for 90 days.", with: "We keep Inputs for 30 days, then delete them.")
            .replacingOccurrences(of: ", and of every other service that links to them.", with: ".")
            .replacingOccurrences(of: "## 5. Where data is kept", with: "4.5 Business customers may turn off training for their whole organisation.\n\n## 5. Where data is kept")
    }

    static let acmeVerdicts = """
    verdicts:
      - surface: consumer
        question: train-on-inputs
        answer: yes
        summary: Inputs improve the Services unless you turn the setting off.
        as_of: 2026-01-01
        advice: Turn off "Improve the model" in Settings.
        examined: [terms]
        evidence:
          - document: terms
            quote: We may use Inputs to improve the Services.
            note: 4.3 allows training on inputs.
          - document: terms
            quote: our trained reviewers, who work under confidentiality obligations, may read the flagged conversations in full, together with the account details needed to understand them, and keep notes on what they found for as long as the review and any appeal take, after which the notes are deleted unless the law requires us to keep them longer.
            note: Flagged conversations are read by people.
      - surface: consumer
        question: training-opt-out
        answer: yes
        summary: A setting turns training off.
        as_of: 2026-01-01
        evidence:
          - document: terms
            quote: You can opt out by turning off "Improve the model" in Settings.
      - surface: consumer
        question: output-ownership
        answer: yes
        summary: You own the outputs.
        as_of: 2026-01-01
        evidence:
          - document: terms
            quote: You own the Outputs, subject to these terms.
      - surface: consumer
        question: data-location
        answer: conditional
        summary: Data may be processed wherever Acme's providers operate.
        as_of: 2026-01-01
        evidence:
          - document: terms
            quote: in the United States and in other countries where our providers operate
      - surface: api
        question: train-on-inputs
        answer: silent
        summary: The terms do not say whether API inputs train models.
        as_of: 2026-01-01
        examined: [terms]
      - surface: api
        question: training-opt-out
        answer: not-applicable
        summary: Nothing to turn off while API inputs are not used.
        as_of: 2026-01-01
      - surface: api
        question: output-ownership
        answer: yes
        summary: You own the outputs of the API too.
        as_of: 2026-01-01
        evidence:
          - document: terms
            quote: You own the Outputs, subject to these terms.
      - surface: api
        question: data-location
        answer: unknown
        summary: The data processing addendum that would say is not public.
        as_of: 2026-01-01
        missing: [Acme data processing addendum]
    """

    static let boltVendor = """
    id: bolt
    name: Bolt Labs Generative Studio
    country: FR
    surfaces:
      - {id: consumer, name: Bolt Chat}
    """

    static let boltTermsDocument = """
    title: Bolt Terms
    type: Terms of Service
    language: en
    surfaces: [consumer]
    """

    static let boltTerms = """
    # Bolt Terms

    1. We train on conversations only when you send feedback.

    2. Training cannot be turned off for feedback you sent.

    3. Bolt owns what the Services generate.

    4. All data stays in the European Union.
    """

    static let boltVerdicts = """
    verdicts:
      - surface: consumer
        question: train-on-inputs
        answer: conditional
        summary: Only conversations you send as feedback train models.
        as_of: 2026-02-01
        evidence:
          - document: terms
            quote: We train on conversations only when you send feedback.
      - surface: consumer
        question: training-opt-out
        answer: no
        summary: Feedback once sent stays in training.
        as_of: 2026-02-01
        evidence:
          - document: terms
            quote: Training cannot be turned off for feedback you sent.
      - surface: consumer
        question: output-ownership
        answer: no
        summary: Bolt owns the outputs.
        as_of: 2026-02-01
        evidence:
          - document: terms
            quote: Bolt owns what the Services generate.
      - surface: consumer
        question: data-location
        answer: no
        summary: Data stays in the EU.
        as_of: 2026-02-01
        evidence:
          - document: terms
            quote: All data stays in the European Union.
    """

    static let lumenVendor = """
    id: lumen
    name: 光明 Lumen
    country: CN
    surfaces:
      - {id: consumer, name: 光明聊天}
    """

    static let lumenAgreementDocument = """
    title: {en: Lumen User Agreement (Chinese), zh: 光明用户协议}
    type: Terms of Service
    language: zh
    surfaces: [consumer]
    """

    static let lumenAgreement = """
    # 光明用户协议

    ## 第一条 总则

    1.1 本协议适用于光明聊天服务。

    ## 第四条 输入与输出

    4.1 您对输入内容享有权利。

    4.3 为了提供服务，我们可能会将输入及对应输出用于服务的优化。如您拒绝，可以通过第9条的方式向我们反馈。

    ## 第九条 联系我们

    9.1 您可以通过 privacy@lumen.example 联系我们。
    """

    static let lumenVerdicts = """
    verdicts:
      - surface: consumer
        question: train-on-inputs
        answer: yes
        summary: {en: Inputs and outputs may be used to improve the service., zh: 输入及输出可能被用于优化服务。}
        as_of: 2026-03-01
        evidence:
          - document: user-agreement-zh
            quote: 我们可能会将输入及对应输出用于服务的优化
      - surface: consumer
        question: output-ownership
        answer: silent
        summary: The agreement does not say who owns the outputs.
        as_of: 2026-03-01
        examined: [user-agreement-zh]
    """

    static var files: [String: String] {
        [
            "questions.yaml": questions,
            "vendors/acme/vendor.yaml": acmeVendor,
            "vendors/acme/verdicts.yaml": acmeVerdicts,
            "vendors/acme/documents/terms/document.yaml": acmeTermsDocument,
            "vendors/acme/documents/terms/2025-06-01.md": acmeTermsOld,
            "vendors/acme/documents/terms/2026-01-01.md": acmeTermsNew,
            "vendors/acme/documents/privacy/document.yaml": acmePrivacyDocument,
            "vendors/bolt/vendor.yaml": boltVendor,
            "vendors/bolt/verdicts.yaml": boltVerdicts,
            "vendors/bolt/documents/terms/document.yaml": boltTermsDocument,
            "vendors/bolt/documents/terms/2026-02-01.md": boltTerms,
            "vendors/lumen/vendor.yaml": lumenVendor,
            "vendors/lumen/verdicts.yaml": lumenVerdicts,
            "vendors/lumen/documents/user-agreement-zh/document.yaml": lumenAgreementDocument,
            "vendors/lumen/documents/user-agreement-zh/2025-01-20.md": lumenAgreement,
        ]
    }
}
