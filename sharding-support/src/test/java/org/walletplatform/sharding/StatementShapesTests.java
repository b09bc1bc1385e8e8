package org.walletplatform.sharding;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class StatementShapesTests {

    @Test
    void shapesArePowersOfTwoAtLeastTheLength() {
        assertThat(IntStream.of(0, 1, 2, 3, 4, 5, 100, 128, 129, 500, 512).map(StatementShapes::shapeOf))
            .containsExactly(1, 1, 2, 4, 4, 8, 128, 128, 256, 512, 512);
        assertThat(IntStream.rangeClosed(1, 512).map(StatementShapes::shapeOf).distinct().count()).isEqualTo(10);
    }

    @Test
    void paddingRepeatsTheLastValue() {
        assertThat(StatementShapes.padded(List.of(7L, 8L, 9L))).containsExactly(7L, 8L, 9L, 9L);
        assertThat(StatementShapes.padded(List.of(7L, 8L))).containsExactly(7L, 8L);
        assertThatIllegalArgumentException().isThrownBy(() -> StatementShapes.padded(List.of()));
    }

    @Test
    void piecesKeepEveryValueOnceInOrderInPowersOfTwoUpToTheMax() {
        List<Integer> values = IntStream.range(0, 500).boxed().toList();
        List<List<Integer>> pieces = StatementShapes.pieces(values, 256);
        assertThat(pieces).extracting(List::size).containsExactly(256, 128, 64, 32, 16, 4);
        assertThat(pieces.stream().flatMap(List::stream)).containsExactlyElementsOf(values);
        assertThat(StatementShapes.pieces(IntStream.range(0, 600).boxed().toList(), 256)).extracting(List::size)
            .containsExactly(256, 256, 64, 16, 8);
        assertThat(StatementShapes.pieces(List.of(), 256)).isEmpty();
        assertThatIllegalArgumentException().isThrownBy(() -> StatementShapes.pieces(values, 100));
    }

}
