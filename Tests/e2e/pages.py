"""Small helpers the browser tests share."""
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait


def wait_for(driver, css, timeout=15):
    return WebDriverWait(driver, timeout).until(EC.presence_of_element_located((By.CSS_SELECTOR, css)))


def submit(driver, form_css):
    """Submits a form by its submit button and waits for the next page to load."""
    old = driver.find_element(By.TAG_NAME, "html")
    button = WebDriverWait(driver, 30).until(EC.element_to_be_clickable((By.CSS_SELECTOR, form_css + " button[type=submit]")))
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", button)
    button.click()
    WebDriverWait(driver, 30).until(EC.staleness_of(old))


def choose(driver, select_id, value):
    Select(driver.find_element(By.ID, select_id)).select_by_value(value)


def fill(driver, field_id, text):
    el = driver.find_element(By.ID, field_id)
    el.clear()
    el.send_keys(text)


def h1(driver):
    return driver.find_element(By.TAG_NAME, "h1").text
