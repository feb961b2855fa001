// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.render;

import dev.rationale.core.promptset.ChatLayout;
import dev.rationale.core.promptset.PromptSetFiles;
import dev.rationale.core.promptset.Task;
import dev.rationale.core.promptset.Variant;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The arithmetic sample set ({@code sample-prompts/arithmetic.rationale.json}) and its texts written out by hand,
 * so that tests compare what the code lays out with what the file says rather than with the code's own output.
 */
public final class ArithmeticSample {
    public static final String INSTRUCTION = "Solve each word problem. End with \"The answer is N.\"";
    /** The system text of the chat-cot-8 variant. */
    public static final String TUTOR = "You are a careful maths tutor who shows every step of the working.";
    /** The first case, c01, as the input template writes it. */
    public static final String CASE = "Q: Priya picks 14 strawberries and her dad picks 23. How many strawberries "
            + "do they pick altogether?";
    public static final String CUE = "A:";
    public static final String TRIGGER = "Let's think step by step.";
    /** A model's reply to the first case, for canned responses. */
    public static final String REPLY = " 14 + 23 = 37. The answer is 37.";

    /** An exemplar as the templates write it: the input, and the output with its rationale. */
    public record Shot(String input, String output) {
    }

    /** The first eight exemplars, in file order. */
    public static final List<Shot> SHOTS = List.of(
            new Shot("Q: A bakery bakes 4 trays of muffins with 12 muffins on each tray. By noon it has sold 30 "
                    + "muffins. How many muffins are left?",
                    "The bakery bakes 4 trays of 12 muffins, so 4 * 12 = 48 muffins. It has sold 30 of them, so "
                    + "48 - 30 = 18 muffins are left. The answer is 18."),
            new Shot("Q: The school library received 27 new books in March and 35 new books in April. How many new "
                    + "books did it receive in the two months?",
                    "It received 27 books in March and 35 books in April. 27 + 35 = 62 books. The answer is 62."),
            new Shot("Q: Mei plants 6 rows of lettuce in her garden with 9 plants in each row. How many lettuce "
                    + "plants does she plant?",
                    "There are 6 rows with 9 plants in each row. 6 * 9 = 54 plants. The answer is 54."),
            new Shot("Q: A notebook costs $2.45 and a pen costs $1.30. Leo buys 2 notebooks and 1 pen and pays with "
                    + "a $10 note. How much change does he get in dollars?",
                    "Two notebooks cost 2 * 2.45 = 4.90 dollars. Adding the pen, 4.90 + 1.30 = 6.20 dollars. His "
                    + "change is 10 - 6.20 = 3.80 dollars. The answer is 3.80."),
            new Shot("Q: 84 pupils are going on a school trip to the zoo. Each minibus holds 12 pupils. How many "
                    + "minibuses are needed?",
                    "Each minibus takes 12 pupils. 84 / 12 = 7 minibuses. The answer is 7."),
            new Shot("Q: A winter coat costs $60. In a sale it is 25% off. What is the sale price in dollars?",
                    "25% of 60 dollars is 60 * 25 / 100 = 15 dollars off. The sale price is 60 - 15 = 45 dollars. "
                    + "The answer is 45."),
            new Shot("Q: Maya has read 46 pages of her book and her brother has read 19 pages of his. How many more "
                    + "pages has Maya read than her brother?",
                    "Maya has read 46 pages and her brother has read 19. 46 - 19 = 27, so Maya has read 27 more "
                    + "pages. The answer is 27."),
            new Shot("Q: A bread recipe uses 250 grams of flour for each loaf. Tom bakes 6 loaves for the school "
                    + "fair. How many kilograms of flour does he use?",
                    "Six loaves need 6 * 250 = 1500 grams of flour. There are 1000 grams in a kilogram, so "
                    + "1500 / 1000 = 1.5 kilograms. The answer is 1.5."));

    private static final Task TASK = PromptSetFiles.load(Path.of(
            System.getProperty("rationale.samples.dir", "../sample-prompts"), "arithmetic.rationale.json"))
            .tasks().getFirst();

    private ArithmeticSample() {
    }

    public static Task task() {
        return TASK;
    }

    /** The variant of the file with that id. */
    public static Variant variant(String id) {
        return TASK.variants().stream().filter(v -> id.equals(v.id())).findFirst().orElseThrow();
    }

    /** The draft of {@code variant} for the first case. */
    public static PromptDraft draft(Variant variant) {
        return PromptRenderer.draft(TASK, variant, TASK.cases().getFirst());
    }

    public static PromptDraft draft(String variantId) {
        return draft(variant(variantId));
    }

    /** The prompt of {@code variant} for the first case as {@code intake} takes it, shaped by the rules alone. */
    public static RenderedPrompt shaped(Variant variant, PromptIntake intake, ChatLayout layout) {
        return PromptShaper.shape(draft(variant), intake, layout, null);
    }

    /** The system message and the first {@code shots} exemplars as a user turn and an assistant turn each. */
    public static List<ChatMessage> turns(String system, int shots) {
        List<ChatMessage> messages = new ArrayList<>();
        messages.add(ChatMessage.system(system));
        messages.addAll(exemplarTurns(shots));
        return messages;
    }

    /** The first {@code shots} exemplars as a user turn and an assistant turn each. */
    public static List<ChatMessage> exemplarTurns(int shots) {
        List<ChatMessage> messages = new ArrayList<>();
        for (Shot shot : SHOTS.subList(0, shots)) {
            messages.add(ChatMessage.user(shot.input()));
            messages.add(ChatMessage.assistant(shot.output()));
        }
        return messages;
    }

    /** The raw-text layout of a few-shot chain-of-thought variant, after any system text, ending with the cue. */
    public static String fewShotText(@Nullable String system, int shots) {
        List<String> blocks = new ArrayList<>();
        if (system != null) {
            blocks.add(system);
        }
        blocks.add(INSTRUCTION);
        SHOTS.subList(0, shots).forEach(shot -> blocks.add(shot.input() + "\n" + CUE + " " + shot.output()));
        blocks.add(CASE + "\n" + CUE);
        return String.join("\n\n", blocks);
    }
}
