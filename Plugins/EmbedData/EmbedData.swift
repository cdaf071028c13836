import Foundation
import PackagePlugin

/// Embeds the package's `Data/` folder into the `BundledData` target, so an installed
/// binary carries its analysis wherever it is copied.
@main
struct EmbedData: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let dataDir = context.package.directoryURL.appending(path: "Data")
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedData.swift")
        var inputs: [URL] = []
        if let walker = FileManager.default.enumerator(at: dataDir, includingPropertiesForKeys: [.isRegularFileKey]) {
            for case let url as URL in walker {
                let values = try? url.resourceValues(forKeys: [.isRegularFileKey])
                if values?.isRegularFile == true { inputs.append(url) }
            }
        }
        return [
            .buildCommand(
                displayName: "Embedding Data/ (\(inputs.count) files)",
                executable: try context.tool(named: "DataEmbedder").url,
                arguments: [dataDir.path, output.path],
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }
}
