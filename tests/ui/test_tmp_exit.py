from typing import Any
import pytest
from ofsted_core.library import Library
from ofsted_core.store import Store
from ofsted_tui.app import make_app
from ofsted_tui.screens.main import MainScreen
from tests.ui.pilot import pilot_test

@pytest.mark.parametrize("at", range(6))
@pilot_test
async def test_exit(store: Store, at: int):
    stamp, data = Library(store).first_snapshot()
    app = make_app(store.path, data=data, stamp=stamp)
    display = app._display
    frames = []
    def first_frame(screen: Any, renderable: Any) -> None:
        display(screen, renderable)
        if renderable is not None:
            frames.append(1)
            if len(frames) == 1:
                for _ in range(at):
                    pass
                app.call_later(app.exit) if at % 2 else app.exit()
    app._display = first_frame
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
    assert app.return_code == 0, app._exception
