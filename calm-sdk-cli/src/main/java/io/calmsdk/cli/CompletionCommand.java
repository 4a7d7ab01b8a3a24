package io.calmsdk.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code calm completion}: prints the shell completion script of this very jar (bash; zsh through its
 * bashcompinit), so that commands, flags and enum values complete as this version has them.
 */
@Command(name = "completion",
        description = {"Print the bash/zsh completion script of calm.",
            "bash: source <(calm completion)   zsh: autoload -U +X bashcompinit && bashcompinit && source <(calm completion)"})
final class CompletionCommand implements Callable<Integer> {

    @ParentCommand
    CalmCommand calm;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        // Generated from the live command model: what completes is exactly what this jar accepts.
        calm.context().out().print(AutoComplete.bash("calm", spec.root().commandLine()));
        calm.context().out().flush();
        return ExitCodes.OK;
    }
}
